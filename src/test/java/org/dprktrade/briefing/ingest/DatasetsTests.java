package org.dprktrade.briefing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@link Datasets} from configuration: order, defaults, the old keys, and each misconfiguration. */
class DatasetsTests {

    @Nested
    class Order {

        @Test
        void withoutConfigurationIsTheBuiltInOrder() {
            assertThat(ids(environment())).containsExactly("grain", "fertilizer", "labor", "oil", "minerals");
        }

        @Test
        void isTheConfigurationsOrderAndAMoreSpecificFilesDatasetsComeAfter() {
            // addFirst = higher precedence, as Spring ranks an additional location above config/application.yml
            StandardEnvironment env = environment(
                    source("config/application.yml", "briefing.datasets.oil.file", "oil.xlsx",
                            "briefing.datasets.grain.file", "grain.xlsx", "briefing.datasets.labor.shape", "labor",
                            "briefing.datasets.fertilizer.file", "fertilizer.xlsx",
                            "briefing.datasets.minerals.required", "false"),
                    source("additional.yml", "briefing.datasets.sea_food.title", "Seafood",
                            "briefing.datasets.crab.file", "crab.xlsx"));

            assertThat(ids(env)).containsExactly("oil", "grain", "labor", "fertilizer", "minerals", "sea_food", "crab");
        }

        @Test
        void builtInDatasetsConfigurationDoesNotNameComeFirst() {
            assertThat(ids(environment(source("a", "briefing.datasets.coal.title", "Coal exports"))))
                    .containsExactly("grain", "fertilizer", "labor", "oil", "minerals", "coal");
        }
    }

    @Nested
    class Definitions {

        @Test
        void aNewDatasetTakesTheDefaults() {
            Dataset coal = datasets(environment(source("a", "briefing.datasets.iron_ore.title", "Iron ore"))).byId("iron_ore");

            assertThat(coal.file()).isEqualTo("iron_ore.xlsx");
            assertThat(coal.shape()).isEqualTo(Shape.TRADE);
            assertThat(coal.flow()).isEqualTo(Flow.IMPORT);
            assertThat(coal.categoryHeader()).isEqualTo("commodity");
            assertThat(coal.required()).isTrue();
            assertThat(coal.title()).isEqualTo("Iron ore");
        }

        @Test
        void theNewKeyWinsOverTheOldOneAndTheOldOneStillWorks() {
            Datasets datasets = datasets(environment(source("a",
                    "briefing.ingest.files.grain", "old-grain.xlsx",
                    "briefing.ingest.files.oil", "old-oil.xlsx",
                    "briefing.datasets.oil.file", "new-oil.xlsx",
                    "briefing.ingest.known-categories.grain[0]", "rice")));

            assertThat(datasets.byId("grain").file()).isEqualTo("old-grain.xlsx");
            assertThat(datasets.byId("grain").knownCategories()).containsExactly("rice");
            assertThat(datasets.byId("oil").file()).isEqualTo("new-oil.xlsx");
        }

        @Test
        void configuredDisplayNamesAndAliasesAddToTheBuiltInOnes() {
            Dataset oil = datasets(environment(source("a",
                    "briefing.datasets.oil.display-names.crude_oil", "Crude",
                    "briefing.datasets.oil.display-names.lubricants", "Lubricating oil",
                    "briefing.datasets.oil.category-aliases.lubricants[0]", "Lube"))).byId("oil");

            assertThat(oil.displayName("crude_oil")).isEqualTo("Crude");
            assertThat(oil.displayName("lubricants")).isEqualTo("Lubricating oil");
            assertThat(oil.displayName("lpg")).isEqualTo("LPG");
            assertThat(oil.categoryAliases()).containsEntry("lubricants", List.of("Lube"));
        }
    }

    @Nested
    class Misconfiguration {

        @Test
        void anUnknownShape() {
            assertThatThrownBy(() -> datasets(environment(source("a", "briefing.datasets.x.shape", "tabular"))))
                    .isInstanceOf(DatasetConfigurationException.class)
                    .hasMessage("briefing.datasets.x.shape: unknown shape 'tabular': expected trade or labor");
        }

        @Test
        void twoLaborDatasets() {
            assertThatThrownBy(() -> datasets(environment(source("a", "briefing.datasets.wages.shape", "labor"))))
                    .isInstanceOf(DatasetConfigurationException.class)
                    .hasMessage("briefing.datasets.wages.shape: labor is already the shape of dataset labor; this"
                            + " version reads one labor dataset");
        }

        @Test
        void twoDatasetsOnOneFileEvenWrittenDifferently() {
            assertThatThrownBy(() -> datasets(environment(source("a", "briefing.datasets.coal.file",
                    "./sub/../grain.xlsx"))))
                    .isInstanceOf(DatasetConfigurationException.class)
                    .hasMessage("briefing.datasets.coal.file: ./sub/../grain.xlsx is also the file of dataset grain;"
                            + " give each dataset its own workbook");
        }

        @Test
        void anIdWithCapitalsOrDashes() {
            assertThatThrownBy(() -> datasets(environment(source("a", "briefing.datasets.Coal.file", "c.xlsx"))))
                    .isInstanceOf(DatasetConfigurationException.class)
                    .hasMessageStartingWith("briefing.datasets.Coal: a dataset id must be a lower-case slug");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<String> ids(StandardEnvironment env) {
        return datasets(env).stream().map(Dataset::id).toList();
    }

    /** An environment with the sources given lowest precedence first. */
    private static StandardEnvironment environment(MapPropertySource... sources) {
        StandardEnvironment env = new StandardEnvironment();
        for (MapPropertySource source : sources) {
            env.getPropertySources().addFirst(source);
        }
        return env;
    }

    private static MapPropertySource source(String name, String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new MapPropertySource(name, map);
    }

    /** The datasets as the application builds them: the old keys bound into IngestProperties by Spring. */
    private static Datasets datasets(StandardEnvironment env) {
        return Datasets.from(env, Binder.get(env).bindOrCreate("briefing.ingest", IngestProperties.class));
    }
}
