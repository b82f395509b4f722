package org.dprktrade.briefing.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Two instances of a cluster registering the schedule at the same moment on an empty store. */
class ScheduleRegistrarTests {

    private static final String CRON = "0 0 6 10 1,4,7,10 ?";

    private final Scheduler scheduler = mock(Scheduler.class);
    private final ScheduleRegistrar registrar = new ScheduleRegistrar(scheduler,
            new ScheduleProperties(CRON, ZoneId.of("UTC")), mock(QuartzSchema.class));

    @Test
    void theInstanceThatLosesTheRaceUsesTheTriggerTheOtherStored() throws Exception {
        CronTrigger storedByTheOther = TriggerBuilder.newTrigger().withIdentity(ScheduleRegistrar.TRIGGER)
                .forJob(ScheduleRegistrar.JOB).withSchedule(CronScheduleBuilder.cronSchedule(CRON)
                        .inTimeZone(TimeZone.getTimeZone("UTC"))).build();
        when(scheduler.checkExists(ScheduleRegistrar.JOB)).thenReturn(false, true);
        when(scheduler.checkExists(ScheduleRegistrar.TRIGGER)).thenReturn(true);
        // empty when we looked; the other instance's insert came first
        when(scheduler.getTrigger(ScheduleRegistrar.TRIGGER)).thenReturn(null, storedByTheOther);
        when(scheduler.scheduleJob(any(Trigger.class)))
                .thenThrow(new JobPersistenceException("duplicate key value violates unique constraint"));

        registrar.start();

        verify(scheduler, never()).rescheduleJob(any(), any());
        verify(scheduler).start();
    }

    @Test
    void aFailureThatIsNoRaceIsReported() throws Exception {
        when(scheduler.checkExists(ScheduleRegistrar.JOB)).thenReturn(true);
        when(scheduler.checkExists(ScheduleRegistrar.TRIGGER)).thenReturn(false);
        when(scheduler.scheduleJob(any(Trigger.class))).thenThrow(new JobPersistenceException("connection refused"));

        assertThatThrownBy(registrar::start).hasMessage("connection refused");
        verify(scheduler, never()).start();
    }
}
