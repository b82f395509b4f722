package org.dprktrade.briefing.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.dprktrade.briefing.period.Quarter;

/**
 * One quarter's finished reports, ready to be sent. The files are read when a message is written or
 * sent, not here.
 *
 * @param period             the quarter of the reports
 * @param executionId        the job execution that wrote the reports; deliveries are recorded per
 *                           execution, so delivering it again only reaches recipients not yet served
 * @param pdf                {@code reports/<period>/briefing-<period>.pdf}
 * @param workbook           {@code briefing-<period>.xlsx}, or {@code null}; attached only when
 *                           {@code briefing.delivery.attach-workbook} is true
 * @param keyDevelopments    the briefing's key developments as plain sentences, in order
 * @param provisional        whether the briefing is marked provisional
 * @param provisionalReasons why it is provisional, as short phrases (may be empty)
 * @param figures            the quarter at a glance, one row per dataset (may be empty)
 */
public record DeliveryRequest(Quarter period, long executionId, Path pdf, Path workbook,
                              List<String> keyDevelopments, boolean provisional, List<String> provisionalReasons,
                              List<FigureRow> figures) {

    public DeliveryRequest {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(pdf, "pdf");
        keyDevelopments = keyDevelopments == null ? List.of() : List.copyOf(keyDevelopments);
        provisionalReasons = provisionalReasons == null ? List.of() : List.copyOf(provisionalReasons);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** Without a figures table. */
    public DeliveryRequest(Quarter period, long executionId, Path pdf, Path workbook, List<String> keyDevelopments,
                           boolean provisional, List<String> provisionalReasons) {
        this(period, executionId, pdf, workbook, keyDevelopments, provisional, provisionalReasons, List.of());
    }
}
