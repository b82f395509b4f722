package org.dprktrade.briefing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dprktrade.briefing.job.BriefingRunner;
import org.dprktrade.briefing.state.PeriodLock;
import org.dprktrade.briefing.job.RunOutcome;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.schedule.ScheduleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Starts runs for the console and the API in the background, through the same {@link BriefingRunner} as the
 * command line and the schedule (so the one-run-per-period lock holds across all of them), and answers as
 * soon as the run has its execution id. On shutdown, runs started here are let finish.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RunStarter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunStarter.class);

    /** The period is being run already; the message names the run. */
    public static final class PeriodBusyException extends RuntimeException {
        PeriodBusyException(String message) {
            super(message);
        }
    }

    /** The run ended before it had an execution (the job could not start); the message says why. */
    public static final class NotStartedException extends RuntimeException {
        NotStartedException(String message) {
            super(message);
        }
    }

    private final BriefingRunner runner;
    private final PeriodLock periodLock;
    private final ScheduleProperties schedule;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor;

    RunStarter(BriefingRunner runner, PeriodLock periodLock, ScheduleProperties schedule) {
        this.runner = runner;
        this.periodLock = periodLock;
        this.schedule = schedule;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> new Thread(r, "console-run-" + threads.incrementAndGet()));
    }

    /**
     * {@code 2014-Q3} (any form {@link Quarter#parse} takes) or {@code latest}: the quarter that has most
     * recently ended in the schedule's zone, the one a scheduled fire would run today.
     *
     * @throws IllegalArgumentException with a one-line message for a bad period
     */
    public Quarter parsePeriod(String text) {
        if (text != null && text.strip().equalsIgnoreCase("latest")) {
            return Quarter.latestEnded(clock.instant(), schedule.timeZone());
        }
        return Quarter.parse(text);
    }

    /**
     * Starts a run of the period and returns its execution id once the job has created it.
     *
     * @throws PeriodBusyException when a run of the period is under way (here, in a command, on another instance)
     * @throws NotStartedException when the job could not start
     */
    public long start(Quarter period) {
        Optional<PeriodLock.Holder> holder = periodLock.holder(period);
        if (holder.isPresent() && periodLock.isHeld(period)) {
            throw new PeriodBusyException(busy(period, holder.get()));
        }
        Future<RunOutcome> run = executor.submit(() -> {
            RunOutcome outcome = runner.run(period);
            log.info("console run: {}", outcome.message());
            return outcome;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                RunOutcome outcome = outcome(run);
                if (outcome.executionId() != 0) {
                    return outcome.executionId();
                }
                if (outcome.message().contains(" is already being run by ")) {
                    throw new PeriodBusyException(outcome.message());
                }
                throw new NotStartedException(outcome.message());
            }
            Optional<PeriodLock.Holder> now = periodLock.holder(period);
            if (now.isPresent() && now.get().executionId() != null) {
                return now.get().executionId();
            }
            sleep();
        }
        throw new NotStartedException(period + ": the run has not started within 60 s; see the runs page");
    }

    /** Runs the quarters one after another in the background, stopping at the first that fails. */
    public void startRange(List<Quarter> quarters) {
        for (Quarter period : quarters) {
            if (periodLock.isHeld(period)) {
                throw new PeriodBusyException(busy(period, periodLock.holder(period).orElseThrow()));
            }
        }
        executor.submit(() -> {
            for (Quarter period : quarters) {
                RunOutcome outcome = runner.run(period);
                log.info("console run: {}", outcome.message());
                if (!outcome.succeeded()) {
                    log.warn("console range run stopped at {}", period);
                    return;
                }
            }
        });
    }

    private static String busy(Quarter period, PeriodLock.Holder holder) {
        return period + " is already being run by "
                + (holder.executionId() == null ? "another run" : "run " + holder.executionId())
                + " (started " + holder.acquiredAt().withNano(0).toString().replace('T', ' ') + " UTC)";
    }

    private static RunOutcome outcome(Future<RunOutcome> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw new NotStartedException("the run could not start: " + BriefingRunner.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStartedException("interrupted");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.MINUTES);
    }
}
