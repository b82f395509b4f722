package org.dprktrade.briefing.report;

import static org.dprktrade.briefing.indicators.IndicatorName.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.period.Quarter;

/**
 * The quarter's key developments as plain English sentences, one or two per dataset, generated from
 * the indicators alone (for the PDF and the delivery mail's body). Numbers are formatted by
 * {@link Formats}; an undefined change is said to be not comparable, never 0. Stateless.
 */
public final class KeyDevelopments {

    /** Zero-shipment streaks at least this long are worth a sentence of their own. */
    static final int NOTABLE_ZERO_STREAK = 3;

    private KeyDevelopments() {
    }

    public static List<String> of(QuarterIndicators indicators) {
        List<String> sentences = new ArrayList<>();
        for (Dataset dataset : Dataset.values()) {
            if (indicators.categoriesOf(dataset).isEmpty()) {
                continue;
            }
            if (dataset.isTrade()) {
                sentences.add(trade(indicators, dataset));
                largestCategory(indicators, dataset).ifPresent(sentences::add);
                zeroStreaks(indicators, dataset).ifPresent(sentences::add);
            } else {
                sentences.add(labor(indicators));
            }
        }
        return sentences;
    }

    private static String trade(QuarterIndicators in, Dataset dataset) {
        Quarter q = in.period();
        String name = capitalised(dataset.id());
        BigDecimal quantity = in.value(dataset, Indicator.ALL, QUANTITY_T);
        BigDecimal months = in.value(dataset, Indicator.ALL, MONTHS_REPORTED);
        if (quantity == null || (months != null && months.signum() == 0)) {
            return name + ": no figures reported for " + q + ".";
        }
        StringBuilder sb = new StringBuilder(name).append(": ")
                .append(Formats.display(quantity, QUANTITY_T)).append(" t in ").append(q).append(", ")
                .append(change(in.value(dataset, Indicator.ALL, QOQ_PCT), "the previous quarter")).append(" and ")
                .append(change(in.value(dataset, Indicator.ALL, YOY_PCT), q.yearEarlier().toString()));
        BigDecimal ytd = in.value(dataset, Indicator.ALL, YTD_QUANTITY_T);
        if (ytd != null && q.quarter() > 1) {
            sb.append("; ").append(Formats.display(ytd, YTD_QUANTITY_T)).append(" t in the year to date, ")
                    .append(change(in.value(dataset, Indicator.ALL, YTD_YOY_PCT), "the same months a year earlier"));
        }
        if (months != null && months.intValue() < 3) {
            sb.append(" (").append(months.intValue()).append(" of 3 months reported)");
        }
        return sb.append('.').toString();
    }

    private static Optional<String> largestCategory(QuarterIndicators in, Dataset dataset) {
        return in.of(dataset).stream()
                .filter(i -> i.name() == SHARE_PCT && i.isDefined() && !Indicator.ALL.equals(i.category()))
                .max(Comparator.comparing(Indicator::value))
                .map(i -> capitalised(dataset.id()) + ": the largest category was " + i.category() + " with "
                        + Formats.display(i.value(), SHARE_PCT) + " of the quarter's tonnage.");
    }

    private static Optional<String> zeroStreaks(QuarterIndicators in, Dataset dataset) {
        List<String> streaks = in.of(dataset).stream()
                .filter(i -> i.name() == ZERO_STREAK_MONTHS && i.isDefined()
                        && i.value().intValue() >= NOTABLE_ZERO_STREAK)
                .map(i -> i.category() + " (" + i.value().intValue() + " months)")
                .toList();
        return streaks.isEmpty() ? Optional.empty()
                : Optional.of(capitalised(dataset.id()) + ": no shipments reported, consecutive months to the end of "
                        + in.period() + ": " + String.join(", ", streaks) + ".");
    }

    private static String labor(QuarterIndicators in) {
        Quarter q = in.period();
        List<String> parts = new ArrayList<>();
        BigDecimal entering = in.value(Dataset.LABOR, Indicator.ALL, WORKERS_ENTERING);
        if (entering != null) {
            parts.add(Formats.display(entering, WORKERS_ENTERING) + " DPRK workers entered China in " + q + ", "
                    + change(in.value(Dataset.LABOR, Indicator.ALL, WORKERS_ENTERING_YOY_PCT), q.yearEarlier().toString()));
        }
        BigDecimal employed = in.value(Dataset.LABOR, Indicator.ALL, WORKERS_EMPLOYED);
        if (employed != null) {
            parts.add("about " + Formats.display(employed, WORKERS_EMPLOYED) + " were reported employed");
        }
        BigDecimal wage = in.value(Dataset.LABOR, Indicator.ALL, WAGE_USD);
        if (wage != null) {
            String ratio = Optional.ofNullable(in.value(Dataset.LABOR, Indicator.ALL, WAGE_RATIO_PCT))
                    .map(r -> " (" + Formats.display(r, WAGE_RATIO_PCT) + " of a local worker's wage)").orElse("");
            parts.add("the mean monthly wage was US$" + Formats.display(wage, WAGE_USD) + ratio);
        }
        return parts.isEmpty() ? "Labor: no figures reported for " + q + "."
                : "Labor: " + String.join("; ", parts) + ".";
    }

    /** {@code up 12.3% on X}, {@code down 4.0% on X}, {@code unchanged on X}, {@code not comparable with X}. */
    static String change(BigDecimal pct, String against) {
        if (pct == null) {
            return "not comparable with " + against;
        }
        IndicatorName unit = QOQ_PCT;
        return switch (pct.signum()) {
            case 1 -> "up " + Formats.display(pct, unit) + " on " + against;
            case -1 -> "down " + Formats.display(pct.negate(), unit) + " on " + against;
            default -> "unchanged on " + against;
        };
    }

    private static String capitalised(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
