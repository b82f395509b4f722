package org.dprktrade.briefing.state;

import java.sql.Timestamp;
import java.time.Instant;

import org.dprktrade.briefing.period.Quarter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The quarters the schedule has delivered, whether by the scheduled run itself or by a later
 * {@code deliver} of that run's reports. The period is the table's key, so two instances that both
 * finish the same quarter record it once, and later fires for it are skipped.
 */
@Component
public class ScheduledDeliveries {

    private final JdbcTemplate jdbc;

    ScheduledDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isDelivered(Quarter period) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM BRIEFING_SCHEDULED_DELIVERY WHERE PERIOD = ?",
                Integer.class, period.toString());
        return count != null && count > 0;
    }

    /** Returns false when the quarter was already recorded (by another instance, say). */
    public boolean record(Quarter period, long executionId) {
        try {
            jdbc.update("INSERT INTO BRIEFING_SCHEDULED_DELIVERY (PERIOD, EXECUTION_ID, DELIVERED_AT) VALUES (?, ?, ?)",
                    period.toString(), executionId, Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }
}
