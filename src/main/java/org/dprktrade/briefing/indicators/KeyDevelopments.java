package org.dprktrade.briefing.indicators;

import static org.dprktrade.briefing.indicators.IndicatorName.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.ingest.Dataset;

/**
 * Key developments of a quarter as plain English sentences, for the briefing and the delivery mail.
 *
 * <p>Movements that pass the thresholds come first, ranked by how far they move: the absolute
 * percentage change, with a run of zero months weighed as a 100 % fall (a full stop). Where fewer
 * than four pass, plain statements of the quarter's levels fill up to four, as far as the data allows.
 * A sentence whose figure is undefined is never written. Numbers are formatted in English
 * ({@code 54,893 t}, {@code 77.0 %}). Pure and stateless: thread-safe.
 */
public final class KeyDevelopments {

    private static final int MIN_SENTENCES = 4;
    private static final BigDecimal FULL_STOP = BigDecimal.valueOf(100);

    private KeyDevelopments() {
    }

    /**
     * @param trade the figures the indicators were computed from; used for the year-earlier
     *              year-to-date tonnage a category sentence quotes
     */
    public static List<String> sentences(QuarterIndicators qi, Map<Dataset, TradeFigures> trade,
                                         KeyDevelopmentThresholds t) {
        Objects.requireNonNull(qi, "qi");
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(t, "t");
        List<Candidate> movements = new ArrayList<>();
        List<String> fillers = new ArrayList<>();
        for (Dataset dataset : qi.datasets()) {
            if (qi.of(dataset).isEmpty()) {
                continue;
            }
            if (dataset.isTrade()) {
                trade(qi, dataset, trade.get(dataset), t, movements, fillers);
            } else {
                labor(qi, dataset, t, movements, fillers);
            }
        }
        // List.sort is stable: equal weights keep dataset order.
        movements.sort(Comparator.comparing(Candidate::weight).reversed());
        List<String> sentences = new ArrayList<>();
        movements.stream().limit(t.maxSentences()).forEach(c -> sentences.add(c.text()));
        for (String filler : fillers) {
            if (sentences.size() >= Math.min(MIN_SENTENCES, t.maxSentences())) {
                break;
            }
            sentences.add(filler);
        }
        return List.copyOf(sentences);
    }

    private static void trade(QuarterIndicators qi, Dataset dataset, TradeFigures figures,
                              KeyDevelopmentThresholds t, List<Candidate> movements, List<String> fillers) {
        String all = Indicator.ALL;
        String subject = capitalise(dataset.id()) + " " + dataset.flow().noun();
        BigDecimal quantity = qi.value(dataset, all, QUANTITY_T);

        BigDecimal qoq = qi.value(dataset, all, QOQ_PCT);
        if (quantity != null && passes(qoq, t)) {
            String text = qoq.signum() == 0
                    ? subject + " were unchanged on the quarter at " + tonnes(quantity)
                    : subject + " " + moved(qoq) + " on the quarter to " + tonnes(quantity);
            movements.add(new Candidate(qoq.abs(), text + largestShare(qi, dataset) + "."));
        } else if (quantity != null) {
            fillers.add(subject + " were " + tonnes(quantity) + " in the quarter.");
        }

        BigDecimal yoy = qi.value(dataset, all, YOY_PCT);
        if (passes(yoy, t)) {
            movements.add(new Candidate(yoy.abs(), yoy.signum() == 0
                    ? subject + " were unchanged on a year earlier."
                    : subject + " " + moved(yoy) + " on a year earlier."));
        }

        BigDecimal ytdYoy = qi.value(dataset, all, YTD_YOY_PCT);
        if (passes(ytdYoy, t)) {
            movements.add(new Candidate(ytdYoy.abs(), ytdYoy.signum() == 0
                    ? subject + " were unchanged year to date."
                    : subject + " " + moved(ytdYoy) + " year to date."));
        }

        int totalStreak = streak(qi, dataset, all);
        if (totalStreak >= t.minZeroStreakMonths()) {
            movements.add(zeroStreak(dataset.id(), totalStreak));
        }

        TradeSeries total = figures == null ? null : TradeSeries.of(figures, all);
        for (String category : qi.categoriesOf(dataset)) {
            if (category.equals(all)) {
                continue;
            }
            int streak = streak(qi, dataset, category);
            // When the whole dataset stopped, each of its categories stopped too: say it once.
            boolean stopped = totalStreak < t.minZeroStreakMonths() && streak >= t.minZeroStreakMonths();
            if (stopped) {
                movements.add(zeroStreak(name(category), streak));
            }
            BigDecimal categoryYtdYoy = qi.value(dataset, category, YTD_YOY_PCT);
            if (total == null || stopped || !passes(categoryYtdYoy, t)) {
                continue;
            }
            TradeSeries series = TradeSeries.of(figures, category);
            BigDecimal ytd = series.yearToDate(qi.period());
            BigDecimal earlier = series.yearToDate(qi.period().yearEarlier());
            // A category that is the whole dataset in both years would only repeat the dataset's sentence.
            boolean wholeDataset = ytd.compareTo(total.yearToDate(qi.period())) == 0
                    && earlier.compareTo(total.yearToDate(qi.period().yearEarlier())) == 0;
            if (!wholeDataset) {
                movements.add(new Candidate(categoryYtdYoy.abs(), capitalise(name(category)) + ": " + tonnes(ytd)
                        + " so far this year against " + tonnes(earlier) + " a year earlier."));
            }
        }
    }

    private static void labor(QuarterIndicators qi, Dataset dataset, KeyDevelopmentThresholds t, List<Candidate> movements,
                              List<String> fillers) {
        String all = Indicator.ALL;
        BigDecimal entering = qi.value(dataset, all, WORKERS_ENTERING);
        BigDecimal yoy = qi.value(dataset, all, WORKERS_ENTERING_YOY_PCT);
        if (entering != null && passes(yoy, t)) {
            movements.add(new Candidate(yoy.abs(), yoy.signum() == 0
                    ? "Workers entering China were unchanged on a year earlier at " + whole(entering) + "."
                    : "Workers entering China " + moved(yoy) + " on a year earlier to " + whole(entering) + "."));
        }
        BigDecimal wage = qi.value(dataset, all, WAGE_USD);
        BigDecimal ratio = qi.value(dataset, all, WAGE_RATIO_PCT);
        if (wage != null) {
            fillers.add("DPRK workers' wages averaged US$" + whole(wage) + " a month"
                    + (ratio == null ? "" : ", " + percent(ratio) + " of a local worker's wage") + ".");
        }
        BigDecimal employed = qi.value(dataset, all, WORKERS_EMPLOYED);
        if (employed != null) {
            fillers.add("Employment at the locations reported stood at " + whole(employed) + " DPRK workers.");
        }
    }

    /** "; flour was 46.6 % of the tonnage", or nothing where no share is defined or one category is all. */
    private static String largestShare(QuarterIndicators qi, Dataset dataset) {
        String top = null;
        BigDecimal topShare = null;
        for (String category : qi.categoriesOf(dataset)) {
            BigDecimal share = qi.value(dataset, category, SHARE_PCT);
            if (share != null && (topShare == null || share.compareTo(topShare) > 0)) {
                top = category;
                topShare = share;
            }
        }
        if (topShare == null || topShare.compareTo(FULL_STOP) >= 0) {
            return "";
        }
        return "; " + name(top) + " was " + percent(topShare) + " of the tonnage";
    }

    private static Candidate zeroStreak(String what, int months) {
        return new Candidate(FULL_STOP, "No " + what + " was recorded for the " + ordinal(months)
                + " consecutive month.");
    }

    private static int streak(QuarterIndicators qi, Dataset dataset, String category) {
        BigDecimal streak = qi.value(dataset, category, ZERO_STREAK_MONTHS);
        return streak == null ? 0 : streak.intValueExact();
    }

    private static boolean passes(BigDecimal pct, KeyDevelopmentThresholds t) {
        return pct != null && pct.abs().compareTo(t.minChangePct()) >= 0;
    }

    /** "rose 77.0 %" or "fell 37.2 %"; never called for 0. */
    private static String moved(BigDecimal pct) {
        return (pct.signum() > 0 ? "rose " : "fell ") + percent(pct.abs());
    }

    /** A category slug as readers know it: {@code crude_oil} → "crude oil". */
    static String name(String category) {
        return switch (category) {
            case "kerosene" -> "jet fuel (kerosene)";
            case "lpg" -> "LPG";
            default -> category.replace('_', ' ');
        };
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ENGLISH) + text.substring(1);
    }

    private static String tonnes(BigDecimal t) {
        return whole(t) + " t";
    }

    private static String whole(BigDecimal n) {
        return format("#,##0", n);
    }

    private static String percent(BigDecimal pct) {
        return format("#,##0.0", pct) + " %";
    }

    // DecimalFormat is not thread-safe: one per call.
    private static String format(String pattern, BigDecimal n) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(n);
    }

    private record Candidate(BigDecimal weight, String text) {
    }
}
