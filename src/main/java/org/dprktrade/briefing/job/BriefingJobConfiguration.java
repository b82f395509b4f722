package org.dprktrade.briefing.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.dprktrade.briefing.BriefingProperties;
import org.dprktrade.briefing.indicators.IndicatorCalculator;
import org.dprktrade.briefing.indicators.KeyDevelopments;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.AcceptedRow;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.ReportProperties;
import org.dprktrade.briefing.report.ReportWriter;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The quarterly briefing job, read top to bottom in execution order:
 * ingest each workbook → compute the quarter's indicators → write the reports.
 * Job parameters: {@code period} (e.g. {@code 2014-Q3}) and {@code run.id}, which makes every run a new
 * instance so that a period can be rerun.
 */
@Configuration(proxyBeanMethods = false)
class BriefingJobConfiguration {

    static final String JOB_NAME = "quarterlyBriefing";
    static final String PERIOD = "period";
    static final String RUN_ID = "run.id";
    /** Execution-context key of the report folder, shown by {@code history}. */
    static final String REPORT_DIR = "briefing.reportDir";

    /** Rows per chunk: large enough that Batch's per-chunk bookkeeping stays small beside the parse. */
    private static final int CHUNK_SIZE = 5_000;

    @Bean
    Job quarterlyBriefing(JobRepository jobRepository, Step ingestGrain, Step ingestFertilizer, Step ingestLabor,
                          Step ingestOil, Step computeIndicators, Step writeReports, RunResults results) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(results)
                .start(ingestGrain)
                .next(ingestFertilizer)
                .next(ingestLabor)
                .next(ingestOil)
                .next(computeIndicators)
                .next(writeReports)
                .build();
    }

    @Bean
    Step ingestGrain(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData,
                     IngestProperties ingest, BriefingProperties briefing) {
        return ingestStep("ingestGrain", Dataset.GRAIN, jobRepository, tm, runData, ingest, briefing);
    }

    @Bean
    Step ingestFertilizer(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData,
                          IngestProperties ingest, BriefingProperties briefing) {
        return ingestStep("ingestFertilizer", Dataset.FERTILIZER, jobRepository, tm, runData, ingest, briefing);
    }

    @Bean
    Step ingestLabor(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData,
                     IngestProperties ingest, BriefingProperties briefing) {
        return ingestStep("ingestLabor", Dataset.LABOR, jobRepository, tm, runData, ingest, briefing);
    }

    @Bean
    Step ingestOil(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData,
                   IngestProperties ingest, BriefingProperties briefing) {
        return ingestStep("ingestOil", Dataset.OIL, jobRepository, tm, runData, ingest, briefing);
    }

    private static Step ingestStep(String name, Dataset dataset, JobRepository jobRepository,
                                   PlatformTransactionManager tm, RunData runData, IngestProperties ingest,
                                   BriefingProperties briefing) {
        WorkbookItemReader reader = new WorkbookItemReader(dataset, () -> inputFile(briefing, ingest, dataset),
                ingest, runData);
        return new StepBuilder(name, jobRepository)
                .<AcceptedRow, AcceptedRow>chunk(CHUNK_SIZE)
                .transactionManager(tm)
                .reader(reader)
                .writer(new FiguresItemWriter(dataset, runData))
                .build();
    }

    static Path inputFile(BriefingProperties briefing, IngestProperties ingest, Dataset dataset) {
        return briefing.inputDir().resolve(ingest.fileOf(dataset));
    }

    @Bean
    Step computeIndicators(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData,
                           Clock clock, ReportProperties report) {
        Tasklet compute = (contribution, chunkContext) -> {
            Quarter period = Quarter.parse(contribution.getStepExecution().getJobParameters().getString(PERIOD));
            QuarterIndicators indicators = IndicatorCalculator.compute(period, runData.trade(), runData.labor(),
                    LocalDate.now(clock));
            runData.setIndicators(indicators);
            runData.setKeyDevelopments(KeyDevelopments.sentences(indicators, runData.trade(),
                    report.keyDevelopments().thresholds()));
            contribution.incrementWriteCount(indicators.indicators().size());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("computeIndicators", jobRepository).tasklet(compute, tm).build();
    }

    @Bean
    Step writeReports(JobRepository jobRepository, PlatformTransactionManager tm, RunData runData, Clock clock,
                      BriefingProperties briefing, ReportProperties reportProperties) {
        Tasklet write = (contribution, chunkContext) -> {
            var stepExecution = contribution.getStepExecution();
            Quarter period = Quarter.parse(stepExecution.getJobParameters().getString(PERIOD));
            Briefing report = new Briefing(period, stepExecution.getJobExecutionId(), OffsetDateTime.now(clock),
                    runData.indicators(), runData.keyDevelopments(), runData.trade(), runData.labor(), runData.problems(), runData.inputs(),
                    runData.sources());
            runData.setOutputs(new ReportWriter(reportProperties).writeAll(report, briefing.reportsDir()));
            stepExecution.getJobExecution().getExecutionContext()
                    .putString(REPORT_DIR, briefing.reportsDir().resolve(period.toString()).toString());
            contribution.incrementWriteCount(runData.outputs().size());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("writeReports", jobRepository).tasklet(write, tm).build();
    }

    @Bean
    @JobScope
    RunData runData() {
        return new RunData();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
