package org.dprktrade.briefing.job;

import org.dprktrade.briefing.state.RunKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.List;

import org.dprktrade.briefing.BriefingProperties;
import org.dprktrade.briefing.delivery.BriefingDelivery;
import org.dprktrade.briefing.delivery.DeliveryOutcome;
import org.dprktrade.briefing.delivery.DeliveryRequest;
import org.dprktrade.briefing.delivery.DeliveryResult;
import org.dprktrade.briefing.delivery.Revision;
import org.dprktrade.briefing.indicators.IndicatorCalculator;
import org.dprktrade.briefing.indicators.KeyDevelopments;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.AcceptedRow;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.Datasets;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.ReportManifest;
import org.dprktrade.briefing.report.ReportProperties;
import org.dprktrade.briefing.report.ReportWriter;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.ExitStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The quarterly briefing job, read top to bottom in execution order:
 * ingest each workbook → compute the quarter's indicators → write the reports → deliver the briefing.
 * Job parameters: {@code period} (e.g. {@code 2014-Q3}) and {@code run.id}, which makes every run a new
 * instance so that a period can be rerun.
 */
@Configuration(proxyBeanMethods = false)
class BriefingJobConfiguration {

    // the names live in state/RunKeys, which the run-state services read without importing job
    static final String JOB_NAME = RunKeys.JOB_NAME;
    static final String PERIOD = RunKeys.PERIOD;
    static final String RUN_ID = RunKeys.RUN_ID;
    static final String TRIGGER = RunKeys.TRIGGER;
    static final String BY_SCHEDULE = RunKeys.BY_SCHEDULE;
    static final String BY_HAND = RunKeys.BY_HAND;
    static final String REPORT_DIR = RunKeys.REPORT_DIR;
    static final String KEY_DEVELOPMENTS = RunKeys.KEY_DEVELOPMENTS;
    static final String PROVISIONAL_REASONS = RunKeys.PROVISIONAL_REASONS;
    static final String FIGURES = RunKeys.FIGURES;

    /** Rows per chunk: large enough that Batch's per-chunk bookkeeping stays small beside the parse. */
    private static final int CHUNK_SIZE = 5_000;

    /**
     * One chunk step per configured dataset, in configuration order, named {@code ingest} + the id in
     * camel case ({@code ingestGrain}, {@code ingestIronOre}), then the three steps that use them all.
     */
    @Bean
    Job quarterlyBriefing(JobRepository jobRepository, PlatformTransactionManager tm, Datasets datasets,
                          RunData runData, IngestProperties ingest, BriefingProperties briefing,
                          StepLogListener stepLog, Step computeIndicators, Step writeReports, Step deliverBriefing,
                          RunResults results, PeriodLockListener periodLockListener,
                          ObjectProvider<ObservationRegistry> observations) {
        // the ingest steps are not beans: they get the observation registry (item metrics) from here
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        List<Step> ingestSteps = datasets.stream()
                .map(d -> ingestStep(d, jobRepository, tm, runData, ingest, briefing, stepLog, registry))
                .toList();
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .listener(periodLockListener)
                .listener(results)
                .start(ingestSteps.get(0));
        ingestSteps.stream().skip(1).forEach(job::next);
        return job.next(computeIndicators)
                .next(writeReports)
                .next(deliverBriefing)
                .build();
    }

    /** {@code ingest} + the dataset id in camel case: {@code ingestGrain}, {@code ingestIronOre}. */
    static String ingestStepName(Dataset dataset) {
        StringBuilder name = new StringBuilder("ingest");
        for (String part : dataset.id().split("_")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static Step ingestStep(Dataset dataset, JobRepository jobRepository,
                                   PlatformTransactionManager tm, RunData runData, IngestProperties ingest,
                                   BriefingProperties briefing, StepLogListener stepLog, ObservationRegistry registry) {
        WorkbookItemReader reader = new WorkbookItemReader(dataset, () -> inputFile(briefing, dataset),
                ingest, runData);
        return new StepBuilder(ingestStepName(dataset), jobRepository)
                .<AcceptedRow, AcceptedRow>chunk(CHUNK_SIZE)
                .observationRegistry(registry)
                .transactionManager(tm)
                .reader(reader)
                .writer(new FiguresItemWriter(dataset, runData))
                .listener(stepLog)
                .build();
    }

    static Path inputFile(BriefingProperties briefing, Dataset dataset) {
        return briefing.inputDir().resolve(dataset.file());
    }

    @Bean
    Step computeIndicators(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData,
                           StepLogListener stepLog,
                           Clock clock, ReportProperties report) {
        Tasklet compute = (contribution, chunkContext) -> {
            Quarter period = Quarter.parse(contribution.getStepExecution().getJobParameters().getString(PERIOD));
            NoFiguresException.requireFigures(period, runData);
            QuarterIndicators indicators = IndicatorCalculator.compute(period, runData.datasets(), runData.trade(),
                    runData.labor(), LocalDate.now(clock));
            runData.setIndicators(indicators);
            Map<Dataset, Map<String, String>> rawNames = runData.firstNames();
            runData.setKeyDevelopments(KeyDevelopments.sentences(indicators, runData.trade(),
                    report.keyDevelopments().thresholds(),
                    (dataset, slug) -> dataset.nameOf(slug, rawNames.getOrDefault(dataset, Map.of()))));
            ExecutionContext job = contribution.getStepExecution().getJobExecution().getExecutionContext();
            job.putString(KEY_DEVELOPMENTS, String.join("\n", runData.keyDevelopments()));
            job.putString(PROVISIONAL_REASONS, String.join("\n", indicators.provisionalReasons()));
            job.putString(FIGURES, String.join("\n", GlanceFigures.of(indicators).stream()
                    .map(org.dprktrade.briefing.delivery.FigureRow::toLine).toList()));
            contribution.incrementWriteCount(indicators.indicators().size());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("computeIndicators", jobRepository).listener(stepLog).tasklet(compute, tm).build();
    }

    @Bean
    Step writeReports(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData, Clock clock,
                      StepLogListener stepLog,
                      BriefingProperties briefing, ReportProperties reportProperties, BriefingDelivery delivery) {
        Tasklet write = (contribution, chunkContext) -> {
            var stepExecution = contribution.getStepExecution();
            Quarter period = Quarter.parse(stepExecution.getJobParameters().getString(PERIOD));
            Briefing report = new Briefing(period, stepExecution.getJobExecutionId(), OffsetDateTime.now(clock),
                    runData.indicators(), runData.keyDevelopments(), runData.trade(), runData.labor(), runData.problems(), runData.inputs(),
                    runData.sources(), delivery.revisionFor(period).map(Revision::mark).orElse(null),
                    runData.leftOut(), runData.firstNames());
            runData.setOutputs(new ReportWriter(reportProperties).writeAll(report, briefing.reportsDir()));
            stepExecution.getJobExecution().getExecutionContext()
                    .putString(REPORT_DIR, briefing.reportsDir().resolve(period.toString()).toString());
            contribution.incrementWriteCount(runData.outputs().size());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("writeReports", jobRepository).listener(stepLog).tasklet(write, tm).build();
    }

    /**
     * Sends the PDF to the readers. A delivery that fails is recorded per recipient and leaves the
     * reports in place: the step still completes (the briefing exists), the runner reports exit 4,
     * and {@code deliver --period} retries without recomputing.
     */
    @Bean
    Step deliverBriefing(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData,
                         StepLogListener stepLog,
                         BriefingProperties briefing, BriefingDelivery delivery) {
        Tasklet deliver = (contribution, chunkContext) -> {
            var stepExecution = contribution.getStepExecution();
            Quarter period = Quarter.parse(stepExecution.getJobParameters().getString(PERIOD));
            QuarterIndicators indicators = runData.indicators();
            // deliver only a complete set of this run's reports
            ReportManifest.Complete complete = ReportManifest.verify(
                    ReportWriter.periodDir(briefing.reportsDir(), period), period);
            if (complete.runId() != stepExecution.getJobExecutionId()) {
                throw new IllegalStateException("the reports of " + period + " were replaced by run "
                        + complete.runId() + " before this run could deliver them");
            }
            DeliveryResult result = delivery.deliver(new DeliveryRequest(period, stepExecution.getJobExecutionId(),
                    ReportWriter.pdfPath(briefing.reportsDir(), period),
                    ReportWriter.workbookPath(briefing.reportsDir(), period), runData.keyDevelopments(),
                    indicators.provisional(), indicators.provisionalReasons(), GlanceFigures.of(indicators)));
            runData.setDelivery(result);
            contribution.incrementWriteCount(result.sentNow().size());
            if (result.outcome() == DeliveryOutcome.FAILED) {
                contribution.setExitStatus(new ExitStatus(DELIVERY_FAILED, result.summary()));
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("deliverBriefing", jobRepository).listener(stepLog).tasklet(deliver, tm).build();
    }

    /** Exit status of a run whose reports were written but not delivered. */
    static final String DELIVERY_FAILED = "DELIVERY_FAILED";

    @Bean
    @JobScope
    RunData runData(Datasets datasets) {
        return new RunData(datasets.all());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
