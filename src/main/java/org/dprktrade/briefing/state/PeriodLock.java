package org.dprktrade.briefing.state;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 * One run per period at a time, across threads, processes and hosts that share the state database: a
 * run holds its period's row in {@code BRIEFING_PERIOD_LOCK} and keeps it alive with a heartbeat. A row
 * whose holder has died is taken over, so a crash never blocks a period for good: at once when the
 * holder's process is gone and could be seen (same host, same pid namespace), otherwise once its
 * heartbeat is older than the lease. Times are UTC, whatever each host's zone; hosts' clocks must agree
 * to well within the lease (as clustered Quartz needs anyway). Thread-safe.
 */
@Component
public class PeriodLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PeriodLock.class);

    /** A holder silent for this long is taken for dead (heartbeats come every third of it). */
    public static final Duration LEASE = Duration.ofSeconds(60);

    /** Which pids this process can see: the same on the same host and pid namespace, else different. */
    static final String PID_SPACE = pidSpace();

    /**
     * {@code host:pid:pidspace.random}: the pid lets a process in the same pid space see at once that a
     * holder died. The host name alone does not tell: two containers or cloned machines may share one.
     */
    static final String OWNER = ownerId();

    /** The period is being run by someone else. */
    public static final class PeriodBusyException extends RuntimeException {
        private final Holder holder;

        PeriodBusyException(Quarter period, Holder holder) {
            super(period + " is already being run by "
                    + (holder.executionId() == null ? "another run" : "execution " + holder.executionId())
                    + " (started " + holder.acquiredAt().withNano(0).toString().replace('T', ' ') + " UTC by "
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
        LocalDateTime now = utcNow();
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
                    holder.owner(), holder.heartbeatAt());
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
    public void attach(Quarter period, long executionId) {
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
                rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class)), period.toString());
        return rows.stream().findFirst();
    }

    /** Whether a live run holds the period (ours or another process's). */
    public boolean isHeld(Quarter period) {
        return holder(period).filter(this::isAlive).isPresent();
    }

    /**
     * A holder is alive while its heartbeat is within the lease and, when its pid is visible from here,
     * its process exists. The lease applies to every holder: a recycled pid never keeps a dead holder alive.
     */
    boolean isAlive(Holder holder) {
        if (holder.owner().equals(OWNER)) {
            return true;
        }
        if (!holder.heartbeatAt().isAfter(utcNow().minus(LEASE))) {
            return false;
        }
        String[] parts = holder.owner().split(":");
        if (parts.length == 3 && parts[0].equals(OWNER.split(":")[0]) && parts[2].startsWith(PID_SPACE + ".")) {
            try {
                return ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                // not one of ours: the lease decides
            }
        }
        return true;
    }

    /** UTC wall-clock time: the columns have no zone and hosts in different zones share them. */
    static LocalDateTime utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private void beat() {
        if (held.isEmpty()) {
            return;
        }
        try {
            LocalDateTime now = utcNow();
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
        if (host.length() > 120) {
            host = host.substring(0, 120);
        }
        return host.replace(':', '_') + ":" + ProcessHandle.current().pid() + ":" + PID_SPACE + "."
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** On Linux the kernel's boot id and this process's pid namespace; elsewhere the host name must do. */
    private static String pidSpace() {
        try {
            String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
            String namespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            return Integer.toHexString((boot + "/" + namespace).hashCode());
        } catch (IOException | RuntimeException e) {
            return "h";
        }
    }
}
