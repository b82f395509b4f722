package org.dprktrade.briefing.job;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dprktrade.briefing.period.Quarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One run per period at a time, across threads and processes that share the state database: a run
 * holds its period's row in {@code BRIEFING_PERIOD_LOCK} and keeps it alive with a heartbeat. A row
 * whose holder has died (its process is gone on this host, or its heartbeat is older than the lease)
 * is taken over, so a crash never blocks a period for good. Thread-safe.
 */
@Component
public class PeriodLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PeriodLock.class);

    /** A holder silent for this long is taken for dead (heartbeats come every third of it). */
    static final Duration LEASE = Duration.ofSeconds(60);

    /** {@code host:pid:random}: the pid lets a process on the same host see at once that a holder died. */
    static final String OWNER = ownerId();

    /** The period is being run by someone else. */
    public static final class PeriodBusyException extends RuntimeException {
        private final Holder holder;

        PeriodBusyException(Quarter period, Holder holder) {
            super(period + " is already being run by "
                    + (holder.executionId() == null ? "another run" : "execution " + holder.executionId())
                    + " (started " + holder.acquiredAt().withNano(0).toString().replace('T', ' ') + " by "
                    + holder.owner().substring(0, holder.owner().lastIndexOf(':')) + "); not started again");
            this.holder = holder;
        }

        public Holder holder() {
            return holder;
        }
    }

    public record Holder(String owner, Long executionId, LocalDateTime acquiredAt, LocalDateTime heartbeatAt) {
    }

    private final JdbcTemplate jdbc;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    PeriodLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "period-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = LEASE.toMillis() / 3;
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the period for this process.
     *
     * @throws PeriodBusyException when a live run holds it
     */
    public void acquire(Quarter period) {
        String key = period.toString();
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.update("INSERT INTO BRIEFING_PERIOD_LOCK (PERIOD, OWNER, EXECUTION_ID, ACQUIRED_AT, HEARTBEAT_AT) "
                    + "VALUES (?, ?, NULL, ?, ?)", key, OWNER, now, now);
            held.add(key);
            return;
        } catch (DuplicateKeyException busy) {
            // someone holds it, or held it and died: look below
        }
        Holder holder = holder(period).orElse(null);
        if (holder == null) {
            acquire(period); // released in between
            return;
        }
        if (!isAlive(holder)) {
            int taken = jdbc.update("UPDATE BRIEFING_PERIOD_LOCK SET OWNER = ?, EXECUTION_ID = NULL, ACQUIRED_AT = ?, "
                    + "HEARTBEAT_AT = ? WHERE PERIOD = ? AND OWNER = ? AND HEARTBEAT_AT = ?", OWNER, now, now, key,
                    holder.owner(), Timestamp.valueOf(holder.heartbeatAt()));
            if (taken == 1) {
                log.warn("{}: took over the lock of {}, which is no longer alive", period, holder.owner());
                held.add(key);
                return;
            }
            holder = holder(period).orElse(holder);
        }
        throw new PeriodBusyException(period, withExecution(period, holder));
    }

    /** A run that has just taken the lock names its execution a moment later: wait briefly for it. */
    private Holder withExecution(Quarter period, Holder holder) {
        for (int i = 0; i < 30 && holder.executionId() == null; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            holder = holder(period).orElse(holder);
        }
        return holder;
    }

    /** Notes which job execution holds the period, for the message another run gets. */
    void attach(Quarter period, long executionId) {
        jdbc.update("UPDATE BRIEFING_PERIOD_LOCK SET EXECUTION_ID = ? WHERE PERIOD = ? AND OWNER = ?", executionId,
                period.toString(), OWNER);
    }

    public void release(Quarter period) {
        String key = period.toString();
        held.remove(key);
        jdbc.update("DELETE FROM BRIEFING_PERIOD_LOCK WHERE PERIOD = ? AND OWNER = ?", key, OWNER);
    }

    public Optional<Holder> holder(Quarter period) {
        List<Holder> rows = jdbc.query("SELECT OWNER, EXECUTION_ID, ACQUIRED_AT, HEARTBEAT_AT FROM BRIEFING_PERIOD_LOCK "
                + "WHERE PERIOD = ?", (rs, i) -> new Holder(rs.getString(1), (Long) rs.getObject(2, Long.class),
                rs.getTimestamp(3).toLocalDateTime(), rs.getTimestamp(4).toLocalDateTime()), period.toString());
        return rows.stream().findFirst();
    }

    /** Whether a live run holds the period (ours or another process's). */
    public boolean isHeld(Quarter period) {
        return holder(period).filter(this::isAlive).isPresent();
    }

    boolean isAlive(Holder holder) {
        if (holder.owner().equals(OWNER)) {
            return true;
        }
        String[] parts = holder.owner().split(":");
        if (parts.length == 3 && parts[0].equals(OWNER.split(":")[0])) {
            try {
                return ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                // not one of ours: fall back to the lease
            }
        }
        return holder.heartbeatAt().isAfter(LocalDateTime.now().minus(LEASE));
    }

    private void beat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            Timestamp now = Timestamp.from(Instant.now());
            for (String period : held) {
                jdbc.update("UPDATE BRIEFING_PERIOD_LOCK SET HEARTBEAT_AT = ? WHERE PERIOD = ? AND OWNER = ?", now,
                        period, OWNER);
            }
        } catch (RuntimeException e) {
            log.warn("period lock heartbeat failed: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        for (String period : List.copyOf(held)) {
            try {
                release(Quarter.parse(period));
            } catch (RuntimeException e) {
                log.warn("could not release the lock of {}: {}", period, e.getMessage());
            }
        }
    }

    private static String ownerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host.replace(':', '_') + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
