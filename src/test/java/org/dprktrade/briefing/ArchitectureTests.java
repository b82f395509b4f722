package org.dprktrade.briefing;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Package dependencies point one way, down the pipeline (STYLE.md): {@code cli}, {@code web} and
 * {@code schedule} over {@code job}, over {@code state}, over {@code report} and {@code delivery}, over
 * {@code indicators}, {@code aggregate}, {@code ingest} and {@code period}; {@code cli} starts {@code web} for
 * {@code serve}. A package may be absent
 * (the rules hold for {@code web} before it exists). The root package holds the application class and
 * the properties every stage reads.
 */
class ArchitectureTests {

    private static final String ROOT = "org.dprktrade.briefing";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void dependenciesPointDownThePipeline() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("cli").definedBy(ROOT + ".cli..")
                .layer("web").definedBy(ROOT + ".web..")
                .layer("schedule").definedBy(ROOT + ".schedule..")
                .layer("job").definedBy(ROOT + ".job..")
                .layer("state").definedBy(ROOT + ".state..")
                .layer("report").definedBy(ROOT + ".report..")
                .layer("delivery").definedBy(ROOT + ".delivery..")
                .layer("indicators").definedBy(ROOT + ".indicators..")
                .layer("aggregate").definedBy(ROOT + ".aggregate..")
                .layer("ingest").definedBy(ROOT + ".ingest..")
                .layer("period").definedBy(ROOT + ".period..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                // serve (cli) starts the console and its security settings
                .whereLayer("web").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("schedule").mayOnlyBeAccessedByLayers("cli", "web")
                .whereLayer("job").mayOnlyBeAccessedByLayers("cli", "web", "schedule")
                .whereLayer("state").mayOnlyBeAccessedByLayers("cli", "web", "schedule", "job")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "web", "schedule", "job", "state")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("cli", "web", "schedule", "job", "state")
                .whereLayer("indicators").mayOnlyBeAccessedByLayers("cli", "web", "schedule", "job", "state", "report",
                        "delivery")
                .whereLayer("aggregate").mayOnlyBeAccessedByLayers("cli", "web", "schedule", "job", "state", "report",
                        "delivery", "indicators")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("cli", "web", "schedule", "job", "state", "report",
                        "delivery", "indicators", "aggregate")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
