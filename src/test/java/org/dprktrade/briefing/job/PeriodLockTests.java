package org.dprktrade.briefing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;

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
        new ResourceDatabasePopulator(new ClassPathResource("db/briefing-schema.sql")).execute(dataSource);
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
        insertHolder(host + ":" + deadPid() + ":dead0001", LocalDateTime.now());

        lock.acquire(Q3);

        assertThat(lock.holder(Q3)).get().extracting(PeriodLock.Holder::owner).isEqualTo(PeriodLock.OWNER);
    }

    @Test
    void aHolderOnAnotherHostIsAliveWhileItsHeartbeatIsFresh() {
        insertHolder("other-host:42:abcd0001", LocalDateTime.now());

        assertThatThrownBy(() -> lock.acquire(Q3)).isInstanceOf(PeriodLock.PeriodBusyException.class)
                .hasMessageContaining("by another run").hasMessageContaining("by other-host:42");
    }

    @Test
    void aHolderSilentForLongerThanTheLeaseIsTakenOver() {
        insertHolder("other-host:42:abcd0001", LocalDateTime.now().minus(PeriodLock.LEASE).minusSeconds(1));

        lock.acquire(Q3);

        assertThat(lock.holder(Q3)).get().extracting(PeriodLock.Holder::owner).isEqualTo(PeriodLock.OWNER);
    }

    private void insertHolder(String owner, LocalDateTime heartbeat) {
        jdbc.update("INSERT INTO BRIEFING_PERIOD_LOCK (PERIOD, OWNER, EXECUTION_ID, ACQUIRED_AT, HEARTBEAT_AT) "
                + "VALUES (?, ?, NULL, ?, ?)", Q3.toString(), owner, Timestamp.valueOf(heartbeat.minusMinutes(5)),
                Timestamp.valueOf(heartbeat));
    }

    /** A pid no process has: one beyond the kernel's maximum. */
    private static long deadPid() {
        long pid = 4_194_304L + 1;
        assertThat(ProcessHandle.of(pid)).isEmpty();
        return pid;
    }
}
