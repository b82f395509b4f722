package org.dprktrade.briefing.schedule;

import java.time.ZoneId;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When {@code serve} runs the job ({@code briefing.schedule.*}).
 *
 * @param cron     Quartz cron expression (seconds first); the default fires at 06:00 on the 10th day of
 *                 January, April, July and October
 * @param timeZone the zone the cron expression is read in
 */
@ConfigurationProperties("briefing.schedule")
public record ScheduleProperties(@DefaultValue("0 0 6 10 1,4,7,10 ?") String cron,
                                 @DefaultValue("UTC") ZoneId timeZone) {

    public ScheduleProperties {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("briefing.schedule.cron '" + cron
                    + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }
    }
}
