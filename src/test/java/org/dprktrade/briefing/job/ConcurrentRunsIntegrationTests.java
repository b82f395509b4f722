package org.dprktrade.briefing.job;

import org.dprktrade.briefing.state.RunHistory;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.dprktrade.briefing.BriefingApplication;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.testing.FixtureWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two requests for one period at the same time (the schedule and an operator, say): one runs, one is refused. */
class ConcurrentRunsIntegrationTests {

    @TempDir
    Path input;

    @TempDir
    Path reports;

    @Test
    void twoSimultaneousRunsOfOnePeriodRunOnce() throws Exception {
        FixtureWorkbooks.writeSampleWithLargeGrain(input, 300_000);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BriefingApplication.class)
                .web(WebApplicationType.NONE)
                .run("--briefing.input-dir=" + input, "--briefing.reports-dir=" + reports)) {
            BriefingRunner runner = context.getBean(BriefingRunner.class);
            Quarter period = Quarter.parse("2014-Q3");
            CountDownLatch go = new CountDownLatch(1);

            List<CompletableFuture<RunOutcome>> runs = List.of(
                    CompletableFuture.supplyAsync(() -> awaitThen(go, () -> runner.run(period))),
                    CompletableFuture.supplyAsync(() -> awaitThen(go, () -> runner.run(period))));
            go.countDown();
            List<RunOutcome> outcomes = runs.stream().map(CompletableFuture::join).toList();

            assertThat(outcomes).filteredOn(RunOutcome::succeeded).hasSize(1);
            RunOutcome ran = outcomes.stream().filter(RunOutcome::succeeded).findFirst().orElseThrow();
            RunOutcome refused = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow();
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(refused.message()).startsWith("2014-Q3 is already being run by execution " + ran.executionId());
            assertThat(context.getBean(RunHistory.class).latest(10)).hasSize(1);
        }
    }

    private static <T> T awaitThen(CountDownLatch go, java.util.function.Supplier<T> work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return work.get();
    }
}
