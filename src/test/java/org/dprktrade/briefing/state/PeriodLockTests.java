package org.dprktrade.briefing.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.dprktrade.briefing.period.Quarter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The period lock on a real H2 file database, with holders that are alive, dead and silent. */
class PeriodLockTests {

    private static final Quarter Q3 = Quarter.parse("2014-Q3");

    @TempDir
    Path dir;

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private PeriodLock lock;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("state"), "sa", "", true);
        new ResourceDatabasePopulator(new ClassPathResource(org.dprktrade.briefing.support.ProductTables.SCRIPT)).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        lock = new PeriodLock(jdbc);
    }

    @AfterEach
    void close() {
        lock.destroy();
        dataSource.destroy();
    }

    @Test
    void aSecondRunOfTheSamePeriodIsRefusedNamingTheExecution() {
        lock.acquire(Q3);
        lock.attach(Q3, 17);

        assertThatThrownBy(() -> lock.acquire(Q3))
                .isInstanceOf(PeriodLock.PeriodBusyException.class)
                .hasMessageStartingWith("2014-Q3 is already being run by execution 17 (started ")
                .hasMessageEndingWith("); not started again");
    }

    @Test
    void otherPeriodsAreNotBlocked() {
        lock.acquire(Q3);

        lock.acquire(Q3.next());

        assertThat(lock.isHeld(Q3)).isTrue();
        assertThat(lock.isHeld(Q3.next())).isTrue();
    }

    @Test
    void releasedPeriodsCanBeTakenAgain() {
        lock.acquire(Q3);
        lock.release(Q3);

        lock.acquire(Q3);

        assertThat(lock.holder(Q3)).get().extracting(PeriodLock.Holder::owner).isEqualTo(PeriodLock.OWNER);
    }

    @Test
    void aHolderWhoseProcessHasDiedOnThisHostIsTakenOverAtOnce() {
        String host = PeriodLock.OWNER.split(":")[0];
        insertHolder(host + ":" + deadPid() + ":" + PeriodLock.PID_SPACE + ".dead0001", PeriodLock.utcNow());

        lock.acquire(Q3);

        assertThat(lock.holder(Q3)).get().extracting(PeriodLock.Holder::owner).isEqualTo(PeriodLock.OWNER);
    }

    @Test
    void aHolderOnAnotherHostIsAliveWhileItsHeartbeatIsFresh() {
        insertHolder("other-host:42:abcd0001", PeriodLock.utcNow());

        assertThatThrownBy(() -> lock.acquire(Q3)).isInstanceOf(PeriodLock.PeriodBusyException.class)
                .hasMessageContaining("by another run").hasMessageContaining("by other-host:42");
    }

    @Test
    void aHolderSilentForLongerThanTheLeaseIsTakenOver() {
        insertHolder("other-host:42:abcd0001", PeriodLock.utcNow().minus(PeriodLock.LEASE).minusSeconds(1));

        lock.acquire(Q3);

        assertThat(lock.holder(Q3)).get().extracting(PeriodLock.Holder::owner).isEqualTo(PeriodLock.OWNER);
    }

    @Test
    void aHolderWithThisHostNameInAnotherPidSpaceIsJudgedByItsHeartbeatNotByPid() {
        // a container or cloned machine with the same host name: its pids mean nothing here
        String host = PeriodLock.OWNER.split(":")[0];
        insertHolder(host + ":" + deadPid() + ":0ther5pc.abcd0001", PeriodLock.utcNow(), 7L);

        assertThatThrownBy(() -> lock.acquire(Q3)).isInstanceOf(PeriodLock.PeriodBusyException.class);
    }

    @Test
    void aSilentHolderIsTakenOverEvenIfItsPidIsInUseAgain() {
        // this test's own pid stands for a recycled one: alive, but not the holder
        String host = PeriodLock.OWNER.split(":")[0];
        insertHolder(host + ":" + ProcessHandle.current().pid() + ":" + PeriodLock.PID_SPACE + ".old00001",
                PeriodLock.utcNow().minus(PeriodLock.LEASE).minusSeconds(1));

        lock.acquire(Q3);

        assertThat(lock.holder(Q3)).get().extracting(PeriodLock.Holder::owner).isEqualTo(PeriodLock.OWNER);
    }

    @Test
    void heartbeatsCompareInUtcWhateverTheZoneOfEachHost() {
        TimeZone zone = TimeZone.getDefault();
        // UTC+14: had each host written its local time, a fresh heartbeat from a UTC host would look 14 h old
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        try {
            insertHolder("other-host:42:abcd0001", LocalDateTime.now(ZoneOffset.UTC), 7L);

            assertThatThrownBy(() -> lock.acquire(Q3)).isInstanceOf(PeriodLock.PeriodBusyException.class)
                    .hasMessageContaining(" UTC by other-host:42");
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    private void insertHolder(String owner, LocalDateTime heartbeat) {
        insertHolder(owner, heartbeat, null);
    }

    /** With an execution id the refusal names it at once instead of waiting for one. */
    private void insertHolder(String owner, LocalDateTime heartbeat, Long executionId) {
        jdbc.update("INSERT INTO BRIEFING_PERIOD_LOCK (PERIOD, OWNER, EXECUTION_ID, ACQUIRED_AT, HEARTBEAT_AT) "
                + "VALUES (?, ?, ?, ?, ?)", Q3.toString(), owner, executionId, heartbeat.minusMinutes(5), heartbeat);
    }

    /** A pid no process has: one beyond the kernel's maximum. */
    private static long deadPid() {
        long pid = 4_194_304L + 1;
        assertThat(ProcessHandle.of(pid)).isEmpty();
        return pid;
    }
}
