package org.dprktrade.briefing.cli;

import java.time.Clock;

import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.schedule.ScheduleProperties;
import org.springframework.context.ApplicationContext;

/**
 * A period as given on the command line: a quarter ({@code 2014-Q3}), or {@code latest}, the quarter that
 * has most recently ended in the schedule's time zone, which is known only once the configuration is read.
 *
 * @param quarter the quarter, {@code null} for {@code latest}
 */
record PeriodArgument(Quarter quarter) {

    static final PeriodArgument LATEST = new PeriodArgument(null);

    boolean isLatest() {
        return quarter == null;
    }

    /** The quarter meant, with {@code latest} read in {@code briefing.schedule.time-zone} on the application's clock. */
    Quarter resolve(ApplicationContext context) {
        if (quarter != null) {
            return quarter;
        }
        return Quarter.latestEnded(context.getBean(Clock.class).instant(),
                context.getBean(ScheduleProperties.class).timeZone());
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : quarter.toString();
    }
}
