package org.dprktrade.briefing.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.support.OneLine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The {@code BRIEFING_DELIVERY} table: one row per execution and recipient, updated in place as
 * delivery is retried. Thread-safe (stateless over a {@link JdbcTemplate}); two processes recording
 * the same execution and recipient at once would collide on the table's unique key, which the
 * application's per-period lock prevents.
 */
public class DeliveryRecords {

    /** Longest {@code LAST_ERROR} stored; longer texts are cut. */
    public static final int MAX_ERROR_LENGTH = 1000;

    private static final String COLUMNS =
            "ID, EXECUTION_ID, PERIOD, RECIPIENT, STATUS, ATTEMPTS, LAST_ERROR, MESSAGE_ID, REVISION, UPDATED_AT";

    private static final RowMapper<DeliveryRecord> ROW = DeliveryRecords::mapRow;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    public DeliveryRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the state of one recipient for one execution, replacing any earlier state of that pair.
     *
     * @param attempts  the total number of attempts for this execution and recipient so far
     * @param lastError folded to one line and cut to {@value #MAX_ERROR_LENGTH} characters
     */
    public DeliveryRecord record(long executionId, Quarter period, String recipient, DeliveryStatus status,
                                 int attempts, String lastError, String messageId, int revision) {
        String error = oneLine(lastError);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.update("""
                UPDATE BRIEFING_DELIVERY SET PERIOD = ?, STATUS = ?, ATTEMPTS = ?, LAST_ERROR = ?, MESSAGE_ID = ?,
                       REVISION = ?, UPDATED_AT = ?
                 WHERE EXECUTION_ID = ? AND RECIPIENT = ?""",
                period.toString(), status.name(), attempts, error, messageId, revision, now, executionId, recipient);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO BRIEFING_DELIVERY
                        (EXECUTION_ID, PERIOD, RECIPIENT, STATUS, ATTEMPTS, LAST_ERROR, MESSAGE_ID, REVISION, UPDATED_AT)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    executionId, period.toString(), recipient, status.name(), attempts, error, messageId, revision, now);
        }
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM BRIEFING_DELIVERY WHERE EXECUTION_ID = ? AND RECIPIENT = ?",
                ROW, executionId, recipient);
    }

    /** Every recipient's record of one execution, in the order they were first recorded. */
    public List<DeliveryRecord> forExecution(long executionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM BRIEFING_DELIVERY WHERE EXECUTION_ID = ? ORDER BY ID",
                ROW, executionId);
    }

    /** The records of the most recent execution that delivered (or tried to deliver) the period; empty if none. */
    public List<DeliveryRecord> latestForPeriod(Quarter period) {
        return jdbc.query("SELECT " + COLUMNS + " FROM BRIEFING_DELIVERY WHERE EXECUTION_ID = "
                        + "(SELECT MAX(EXECUTION_ID) FROM BRIEFING_DELIVERY WHERE PERIOD = ?) AND PERIOD = ? ORDER BY ID",
                ROW, period.toString(), period.toString());
    }

    /** Periods whose briefing reached at least one reader, in calendar order. */
    public List<Quarter> deliveredPeriods() {
        return jdbc.queryForList("SELECT DISTINCT PERIOD FROM BRIEFING_DELIVERY WHERE STATUS = 'SENT'", String.class)
                .stream().map(Quarter::parse).sorted().toList();
    }

    /**
     * The latest revision of the period that reached at least one reader, with the day it was first
     * sent (in the clock's time zone); empty if readers never got a briefing of the period.
     */
    public Optional<PreviousDelivery> previousDelivery(Quarter period) {
        return latestSentBelow(period, Integer.MAX_VALUE);
    }

    /** As {@link #previousDelivery}, among revisions lower than {@code revision}: what that revision replaces. */
    Optional<PreviousDelivery> latestSentBelow(Quarter period, int revision) {
        List<PreviousDelivery> found = jdbc.query("""
                SELECT EXECUTION_ID, REVISION, MIN(UPDATED_AT) AS FIRST_SENT
                  FROM BRIEFING_DELIVERY
                 WHERE PERIOD = ? AND STATUS = 'SENT' AND REVISION < ?
                 GROUP BY EXECUTION_ID, REVISION
                 ORDER BY REVISION DESC, EXECUTION_ID DESC""",
                (rs, n) -> new PreviousDelivery(period, rs.getLong("EXECUTION_ID"), rs.getInt("REVISION"),
                        instant(rs, "FIRST_SENT").atZone(clock.getZone()).toLocalDate()),
                period.toString(), revision);
        return found.stream().findFirst();
    }

    /** Folds any text to one line of at most {@value #MAX_ERROR_LENGTH} characters; {@code null} stays null. */
    static String oneLine(String text) {
        return OneLine.of(text == null ? null : text.replaceAll("\\s+", " "), MAX_ERROR_LENGTH);
    }

    private static DeliveryRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new DeliveryRecord(rs.getLong("ID"), rs.getLong("EXECUTION_ID"), Quarter.parse(rs.getString("PERIOD")),
                rs.getString("RECIPIENT"), DeliveryStatus.valueOf(rs.getString("STATUS")), rs.getInt("ATTEMPTS"),
                rs.getString("LAST_ERROR"), rs.getString("MESSAGE_ID"), rs.getInt("REVISION"),
                instant(rs, "UPDATED_AT"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
