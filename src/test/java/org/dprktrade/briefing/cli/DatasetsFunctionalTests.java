package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Datasets as configuration (SPEC section 7), through whole commands: the sample {@code minerals}
 * dataset, a dataset defined only by a test configuration file, an optional dataset without its
 * workbook, and each misconfiguration's exit 2 and line.
 */
class DatasetsFunctionalTests {

    private static final Path SAMPLE_INPUT = Path.of("input");

    @TempDir
    Path input;

    @TempDir
    Path reports;

    @TempDir
    Path configDir;

    @BeforeEach
    void copySamples() throws IOException {
        for (String name : List.of("grain.xlsx", "fertilizer.xlsx", "labor.xlsx", "oil.xlsx", "minerals.xlsx")) {
            Files.copy(SAMPLE_INPUT.resolve(name), input.resolve(name));
        }
    }

    @Nested
    class TheSampleMineralsDataset {

        @Test
        void reproducesTheReportedAnthraciteAndIronOreFiguresOf2014() throws IOException {
            CommandResult result = run("run", "--period", "2014-Q4");

            assertThat(result.exitCode()).as(result.err()).isZero();
            Map<String, String> q4 = indicators("2014-Q4");
            // anthracite 2014 15.43 Mt against 16.485 Mt in 2013: −1,055,000 / 16,485,000 × 100 = −6.3998 %
            assertThat(q4.get("minerals,anthracite,ytd_quantity_t")).isEqualTo("15430000");
            assertThat(q4.get("minerals,anthracite,ytd_yoy_pct")).isEqualTo("-6.3998");
            // US$1.13 bn against US$1.3714 bn: −17.6025 %; iron ore US$218.6 m against US$294.2 m: −25.6968 %
            assertThat(q4.get("minerals,anthracite,ytd_value_usd")).isEqualTo("1130000000");
            assertThat(q4.get("minerals,anthracite,ytd_value_yoy_pct")).isEqualTo("-17.6025");
            assertThat(q4.get("minerals,iron_ore,ytd_value_usd")).isEqualTo("218600000");
            assertThat(q4.get("minerals,iron_ore,ytd_value_yoy_pct")).isEqualTo("-25.6968");
            // 2014 exports: anthracite is 15.43 of 15.43 + 2.94 + 1.26 Mt
            assertThat(q4.get("minerals,all,ytd_quantity_t")).isEqualTo("19630000");
        }

        @Test
        void comesAfterTheFourDatasetsUnderItsTitleAndOnItsOwnSheet() throws IOException {
            assertThat(run("run", "--period", "2014-Q4").exitCode()).isZero();

            List<String> datasets = Files.readAllLines(csv("2014-Q4", "indicators")).stream().skip(1)
                    .map(l -> l.split(",", -1)[1]).distinct().toList();
            assertThat(datasets).containsExactly("grain", "fertilizer", "labor", "oil", "minerals", "all");
            assertThat(pdfText("2014-Q4")).contains("Minerals exports").contains("Anthracite")
                    .contains("Iron ore");
            try (Workbook workbook = WorkbookFactory.create(reports.resolve("2014-Q4/briefing-2014-Q4.xlsx").toFile(),
                    null, true)) {
                assertThat(workbook.getSheet("minerals")).isNotNull();
            }
        }
    }

    @Nested
    class ADatasetDefinedOnlyByATestConfiguration {

        @BeforeEach
        void seafood() throws IOException {
            writeSeafood(input.resolve("seafood.xlsx"));
            Files.writeString(configDir.resolve("seafood.yml"), """
                    briefing:
                      datasets:
                        seafood:
                          title: Seafood exports
                          flow: export
                          category-column: species
                          known-categories: [squid, crab, other]
                          category-aliases: {squid: [Cuttlefish]}
                          display-names: {squid: Squid and cuttlefish}
                    """);
        }

        @Test
        void hasItsIndicatorsComputedInTwoQuarters() throws IOException {
            CommandResult q3 = runSeafood("2014-Q3");
            CommandResult q2 = runSeafood("2014-Q2");

            assertThat(q3.exitCode()).as(q3.err()).isZero();
            assertThat(q2.exitCode()).as(q2.err()).isZero();
            Map<String, String> i3 = indicators("2014-Q3");
            // 2014-Q3: squid 1,200 t + cuttlefish 300,000 kg (= squid 300 t), crab 400 t, clams 100 t
            assertThat(i3.get("seafood,all,quantity_t")).isEqualTo("2000");
            assertThat(i3.get("seafood,squid,quantity_t")).isEqualTo("1500");
            assertThat(i3.get("seafood,squid,share_pct")).isEqualTo("75");
            // on 2014-Q2's 800 t: (2000 − 800) / 800 × 100; on 2013-Q3's 1,500 t: 500 / 1500 × 100
            assertThat(i3.get("seafood,all,qoq_pct")).isEqualTo("150");
            assertThat(i3.get("seafood,all,yoy_pct")).isEqualTo("33.3333");
            assertThat(i3.get("seafood,squid,yoy_pct")).isEqualTo("50");
            // US$4,000 over the 1,900 t of rows with a value (clams have none)
            assertThat(i3.get("seafood,all,value_usd")).isEqualTo("4000");
            assertThat(i3.get("seafood,all,unit_value_usd_per_t")).isEqualTo("2.1053");
            // Jan–Sep 2014; the year before starts ahead of the data (July 2013): undefined
            assertThat(i3.get("seafood,all,ytd_quantity_t")).isEqualTo("2800");
            assertThat(i3.get("seafood,all,ytd_yoy_pct")).isEmpty();

            Map<String, String> i2 = indicators("2014-Q2");
            assertThat(i2.get("seafood,all,quantity_t")).isEqualTo("800");
            assertThat(i2.get("seafood,squid,share_pct")).isEqualTo("100");
            assertThat(i2.get("seafood,all,months_reported")).isEqualTo("1");
        }

        @Test
        void appearsInEveryOutputAfterTheConfiguredDatasetsAndWarnsOfItsUnknownCategories() throws IOException {
            CommandResult result = runSeafood("2014-Q3");

            assertThat(result.exitCode()).as(result.err()).isZero();
            List<String> datasets = Files.readAllLines(csv("2014-Q3", "indicators")).stream().skip(1)
                    .map(l -> l.split(",", -1)[1]).distinct().toList();
            assertThat(datasets).containsExactly("grain", "fertilizer", "labor", "oil", "minerals", "seafood", "all");
            List<String> quality = Files.readAllLines(csv("2014-Q3", "data-quality"));
            assertThat(quality).anySatisfy(l -> assertThat(l)
                    .startsWith("seafood.xlsx,seafood,10,species,warning,unknown category 'clams'"));
            assertThat(quality).noneMatch(l -> l.startsWith("seafood.xlsx") && l.contains(",error,"));
            String pdf = pdfText("2014-Q3");
            assertThat(pdf).contains("Seafood exports").contains("Squid and cuttlefish")
                    .contains("Seafood exports rose");
            try (Workbook workbook = WorkbookFactory.create(reports.resolve("2014-Q3/briefing-2014-Q3.xlsx").toFile(),
                    null, true)) {
                assertThat(workbook.getSheet("seafood")).isNotNull();
            }
            CommandResult history = CommandResult.run("history", "--reports", reports.toString());
            assertThat(history.exitCode()).isZero();
        }

        @Test
        void leftOutWhenOptionalAndMissingTheRunStillSucceeds() throws IOException {
            Files.delete(input.resolve("seafood.xlsx"));
            Files.writeString(configDir.resolve("seafood.yml"), """
                    briefing:
                      datasets:
                        seafood:
                          flow: export
                          required: false
                    """);

            CommandResult result = runSeafood("2014-Q3");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(Files.readString(csv("2014-Q3", "indicators"))).doesNotContain(",seafood,")
                    .doesNotContain("seafood: 0 of 3");
            assertThat(pdfText("2014-Q3")).contains("seafood.xlsx was not found");
        }

        private CommandResult runSeafood(String period) {
            return run("run", "--period", period,
                    "--spring.config.additional-location=file:" + configDir.resolve("seafood.yml"));
        }
    }

    @Nested
    class AnOptionalDatasetWithoutItsWorkbook {

        @Test
        void isLeftOutTheQuarterIsNotProvisionalForItAndTheSourcesSaySo() throws IOException {
            Files.delete(input.resolve("minerals.xlsx"));

            CommandResult result = run("run", "--period", "2014-Q4");

            assertThat(result.exitCode()).as(result.err()).isZero();
            String csv = Files.readString(csv("2014-Q4", "indicators"));
            assertThat(csv).doesNotContain(",minerals,");
            assertThat(csv).doesNotContain("minerals: 0 of 3");
            String pdf = pdfText("2014-Q4");
            assertThat(pdf).contains("minerals.xlsx was not found").doesNotContain("Minerals exports rose")
                    .doesNotContain("Minerals exports fell");
            // a warning on the terminal and in the data-quality report, not an error
            assertThat(result.out()).contains("  minerals.xlsx: warning: not found: the optional dataset minerals is "
                    + "left out of this briefing");
            assertThat(Files.readAllLines(csv("2014-Q4", "data-quality"))).contains("minerals.xlsx,,,,warning,"
                    + "not found: the optional dataset minerals is left out of this briefing,");
        }

        @Test
        void aRequiredOneMissingFailsTheRunWithExitThree() throws IOException {
            Files.delete(input.resolve("minerals.xlsx"));

            CommandResult result = run("run", "--period", "2014-Q4", "--briefing.datasets.minerals.required=true");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_DATA);
            assertThat(result.err()).contains("minerals.xlsx");
            assertThat(reports.resolve("2014-Q4")).doesNotExist();
        }

        @Test
        void theDryRunSaysItWouldBeLeftOut() throws IOException {
            Files.delete(input.resolve("minerals.xlsx"));

            CommandResult result = run("run", "--period", "2014-Q4", "--dry-run");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("  would read     " + input.resolve("minerals.xlsx")
                    + "  (missing: optional, the run would leave it out)");
        }

        @Test
        void validateSaysItWouldBeLeftOut() throws IOException {
            Files.delete(input.resolve("minerals.xlsx"));

            CommandResult result = CommandResult.run("validate", "--input", input.toString());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("minerals: " + input.resolve("minerals.xlsx")
                    + " not found: optional, a run leaves it out");
        }
    }

    @Nested
    class AMisconfiguredDataset {

        @ParameterizedTest
        @ValueSource(strings = {"run", "validate", "history"})
        void anUnknownShapeStopsEveryCommandWithOneLineNamingTheKey(String command) throws IOException {
            CommandResult result = command(command, "--briefing.datasets.seafood.shape=fish");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).isEqualTo("briefing: briefing.datasets.seafood.shape: unknown shape 'fish':"
                    + " expected trade or labor" + System.lineSeparator());
            // nothing but the state folder, which holds the log (no database, no reports)
            try (var files = Files.list(reports)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsOnly(".state");
            }
            try (var files = Files.list(reports.resolve(".state"))) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".db"));
            }
        }

        @Test
        void anUnknownFlow() {
            CommandResult result = command("run", "--briefing.datasets.minerals.flow=sideways");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).isEqualTo("briefing: briefing.datasets.minerals.flow: unknown flow 'sideways':"
                    + " expected import or export" + System.lineSeparator());
        }

        @Test
        void twoDatasetsOnOneFile() {
            CommandResult result = command("run", "--briefing.datasets.coal.file=minerals.xlsx");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).isEqualTo("briefing: briefing.datasets.coal.file: minerals.xlsx is also the file"
                    + " of dataset minerals; give each dataset its own workbook" + System.lineSeparator());
        }

        @Test
        void twoDatasetsOnOneFileThroughTheOldKey() {
            CommandResult result = command("history", "--briefing.ingest.files.oil=grain.xlsx");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).isEqualTo("briefing: briefing.datasets.oil.file: grain.xlsx is also the file"
                    + " of dataset grain; give each dataset its own workbook" + System.lineSeparator());
        }

        @Test
        void anIdThatIsNotALowerCaseSlug() throws IOException {
            Files.writeString(configDir.resolve("bad.yml"), """
                    briefing:
                      datasets:
                        Sea-Food:
                          file: seafood.xlsx
                    """);

            CommandResult result = command("run",
                    "--spring.config.additional-location=file:" + configDir.resolve("bad.yml"));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).isEqualTo("briefing: briefing.datasets.Sea-Food: a dataset id must be a"
                    + " lower-case slug (a-z, digits and _, starting with a letter), such as sea_food"
                    + System.lineSeparator());
        }

        private CommandResult command(String command, String... extra) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            if (command.equals("run")) {
                args.addAll(List.of("--period", "2014-Q3"));
            }
            if (!command.equals("history")) {
                args.addAll(List.of("--input", input.toString()));
            }
            args.addAll(List.of("--reports", reports.toString()));
            args.addAll(List.of(extra));
            return CommandResult.run(args.toArray(String[]::new));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private CommandResult run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--input", input.toString(), "--reports", reports.toString()));
        return CommandResult.run(all.toArray(String[]::new));
    }

    private Path csv(String period, String name) {
        return reports.resolve(period).resolve(name + "-" + period + ".csv");
    }

    /** {@code dataset,category,indicator} → value as written. */
    private Map<String, String> indicators(String period) throws IOException {
        return Files.readAllLines(csv(period, "indicators")).stream().skip(1).map(l -> l.split(",", -1))
                .collect(Collectors.toMap(f -> f[1] + "," + f[2] + "," + f[3], f -> f[4], (a, b) -> a));
    }

    private String pdfText(String period) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(reports.resolve(period).resolve("briefing-" + period + ".pdf").toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    /**
     * A trade workbook with its own category column ({@code Species}) and quantities in units (t, kg):
     * row 10 (clams) is the one unknown category.
     */
    private static void writeSeafood(Path file) throws IOException {
        List<Object[]> rows = List.of(
                new Object[] {"Month", "Species", "Quantity", "Unit", "Value (USD)", "Source"},
                new Object[] {"2013-07", "Squid", 1000, "t", 2000, "Test fixture"},
                new Object[] {"2013-08", "Crab", 500, "t", 1500, "Test fixture"},
                new Object[] {"2014-04", "Cuttlefish", 800, "t", 1600, "Test fixture"},
                new Object[] {"2014-07", "Squid", 1200, "t", 2400, "Test fixture"},
                new Object[] {"2014-08", "Cuttlefish", 300000, "kg", 600, "Test fixture"},
                new Object[] {"2014-09", "Crab", 400, "tonnes", 1000, "Test fixture"},
                new Object[] {"2014-09", "Clams", 100, "t", null, "Test fixture"});
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("seafood");
            sheet.createRow(0).createCell(0).setCellValue("Seafood exports to China (test fixture, made up)");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 2);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (values[c] != null) {
                        row.createCell(c).setCellValue(values[c].toString());
                    }
                }
            }
            workbook.write(out);
        }
    }
}
