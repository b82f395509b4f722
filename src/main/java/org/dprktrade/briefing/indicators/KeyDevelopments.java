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
import java.util.Optional;
import java.util.function.BiFunction;

import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.ingest.Dataset;

/**
 * Key developments of a quarter as plain English sentences, for the briefing and the delivery mail, in
 * the register of the trade press: one sentence per subject (a dataset, a category that moved on its own,
 * the workers), beginning with that subject and merging its figures — the quarter's figure with its
 * change on the year (or on the quarter), the year so far in brackets, and what stopped:
 * {@code Oil imports fell 69.6 % on a year earlier to 47,802 t (−67.9 % so far this year); no crude oil
 * was recorded for the 9th consecutive month.}
 *
 * <p>Subjects whose change passes the thresholds come first, ranked by how unusual the move is: the largest
 * absolute change of the subject, a run of zero months weighed as a 100 % fall, and a category's change
 * weighed by its share of its dataset's tonnage (a minor grain swinging by half matters less than the
 * workers entering China falling by half). Where fewer than four
 * pass, plain statements of the quarter's levels fill up to four, as far as the data allows. A subject
 * with fewer than 3 months reported says so right after its name. A figure that is undefined is never
 * written. Numbers are formatted in English ({@code 54,893 t}, {@code 77.0 %}, {@code −37.2 %}).
 * Pure and stateless: thread-safe.
 */
public final class KeyDevelopments {

    private static final int MIN_SENTENCES = 4;
    private static final BigDecimal FULL_STOP = BigDecimal.valueOf(100);
    private static final BigDecimal WHOLE = BigDecimal.valueOf(100);
    private static final String MINUS = "\u2212";

    private KeyDevelopments() {
    }

    /**
     * @param trade the figures the indicators were computed from; used for the year-to-date tonnages a
     *              category sentence quotes
     */
    public static List<String> sentences(QuarterIndicators qi, Map<Dataset, TradeFigures> trade,
                                         KeyDevelopmentThresholds t) {
        return sentences(qi, trade, t, (dataset, slug) -> dataset.nameOf(slug, Map.of()));
    }

    /**
     * @param names what readers call a category of a dataset (display name, else the inputs' raw name); the
     *              sentences never show a slug where a name is known
     */
    public static List<String> sentences(QuarterIndicators qi, Map<Dataset, TradeFigures> trade,
                                         KeyDevelopmentThresholds t, BiFunction<Dataset, String, String> names) {
        Objects.requireNonNull(qi, "qi");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(t, "t");
        List<Story> stories = new ArrayList<>();
        for (Dataset dataset : qi.datasets()) {
            if (qi.of(dataset).isEmpty()) {
                continue;
            }
            if (dataset.isTrade()) {
                trade(qi, dataset, t, names).ifPresent(stories::add);
                stories.addAll(categories(qi, dataset, trade.get(dataset), t, names));
            } else {
                labor(qi, dataset, t).ifPresent(stories::add);
            }
        }
        List<Story> notable = new ArrayList<>(stories.stream().filter(Story::notable).toList());
        // List.sort is stable: equal weights keep dataset order.
        notable.sort(Comparator.comparing(Story::weight).reversed());
        List<String> sentences = new ArrayList<>();
        notable.stream().limit(t.maxSentences()).forEach(s -> sentences.add(s.text()));
        for (Story level : stories) {
            if (sentences.size() >= Math.min(MIN_SENTENCES, t.maxSentences())) {
                break;
            }
            if (!level.notable()) {
                sentences.add(level.text());
            }
        }
        return List.copyOf(sentences);
    }

    // ---- A trade dataset -------------------------------------------------------------------------

    private static Optional<Story> trade(QuarterIndicators qi, Dataset dataset, KeyDevelopmentThresholds t,
                                         BiFunction<Dataset, String, String> names) {
        String all = Indicator.ALL;
        String subject = capitalise(dataset.id()) + " " + flowNoun(dataset) + monthsNote(qi, dataset, all);
        BigDecimal quantity = qi.value(dataset, all, QUANTITY_T);
        if (quantity == null) {
            return Optional.of(new Story(BigDecimal.ZERO, false,
                    subject + ": no month of " + qi.period() + " has been reported yet."));
        }
        int totalStreak = streak(qi, dataset, all);
        if (totalStreak >= t.minZeroStreakMonths()) {
            // the whole flow stopped: that is the story, and each category's stop would only repeat it
            return Optional.of(new Story(FULL_STOP, true,
                    subject + " were nil for the " + ordinal(totalStreak) + " consecutive month."));
        }
        Change yoy = new Change(qi.value(dataset, all, YOY_PCT), "on a year earlier", quantity);
        Change qoq = new Change(qi.value(dataset, all, QOQ_PCT), "on the quarter", quantity);
        // in the first quarter the year so far is the quarter itself
        Change ytd = qi.period().quarter() == 1 ? Change.NONE
                : new Change(qi.value(dataset, all, YTD_YOY_PCT), "so far this year", qi.value(dataset, all, YTD_QUANTITY_T));
        Change head = yoy.passes(t) ? yoy : qoq.passes(t) ? qoq : ytd.passes(t) ? ytd : null;

        StringBuilder text = new StringBuilder(subject);
        List<String> aside = new ArrayList<>();
        if (head != null) {
            text.append(' ').append(head.moved()).append(" to ").append(tonnes(head.figure()));
        } else {
            text.append(" were ").append(tonnes(quantity)).append(" in the quarter");
        }
        // beside the headline: the quarter's change where it is large, the year's and the year so far always
        List<Change> mentioned = new ArrayList<>();
        for (Change other : List.of(qoq, yoy, ytd)) {
            if (other != head && (other == qoq ? other.passes(t) : other.defined())) {
                aside.add(signedPercent(other.pct()) + " " + other.phrase());
                mentioned.add(other);
            }
        }
        if (head != null) {
            mentioned.add(head);
        }
        if (!aside.isEmpty()) {
            text.append(" (").append(String.join(", ", aside)).append(')');
        }
        if (head != ytd) {
            text.append(largestShare(qi, dataset, names));
        }
        boolean stops = false;
        for (String category : qi.categoriesOf(dataset)) {
            int streak = category.equals(all) ? 0 : streak(qi, dataset, category);
            if (streak >= t.minZeroStreakMonths()) {
                text.append("; no ").append(inSentence(names.apply(dataset, category))).append(" was recorded for the ").append(ordinal(streak))
                        .append(" consecutive month");
                stops = true;
            }
        }
        text.append('.');
        BigDecimal weight = stops ? FULL_STOP : BigDecimal.ZERO;
        for (Change c : mentioned) {
            if (c.passes(t) && c.pct().abs().compareTo(weight) > 0) {
                weight = c.pct().abs();
            }
        }
        return Optional.of(new Story(weight, head != null || stops, text.toString()));
    }

    /** Categories whose year so far moved past the threshold on their own: a subject each. */
    private static List<Story> categories(QuarterIndicators qi, Dataset dataset, TradeFigures figures,
                                          KeyDevelopmentThresholds t, BiFunction<Dataset, String, String> names) {
        List<Story> stories = new ArrayList<>();
        if (figures == null) {
            return stories;
        }
        String all = Indicator.ALL;
        TradeSeries total = TradeSeries.of(figures, all);
        boolean totalStopped = streak(qi, dataset, all) >= t.minZeroStreakMonths();
        for (String category : qi.categoriesOf(dataset)) {
            BigDecimal change = qi.value(dataset, category, YTD_YOY_PCT);
            if (category.equals(all) || totalStopped || streak(qi, dataset, category) >= t.minZeroStreakMonths()
                    || !passes(change, t) || change.signum() == 0) {
                continue;
            }
            TradeSeries series = TradeSeries.of(figures, category);
            BigDecimal ytd = series.yearToDate(qi.period());
            BigDecimal earlier = series.yearToDate(qi.period().yearEarlier());
            // A category that is the whole dataset in both years would only repeat the dataset's sentence.
            boolean wholeDataset = ytd.compareTo(total.yearToDate(qi.period())) == 0
                    && earlier.compareTo(total.yearToDate(qi.period().yearEarlier())) == 0;
            if (wholeDataset) {
                continue;
            }
            String subject = capitalise(names.apply(dataset, category)) + " " + flowNoun(dataset);
            String text = change.signum() > 0
                    ? subject + " reached " + tonnes(ytd) + " so far this year against " + tonnes(earlier)
                            + " a year earlier (" + signedPercent(change) + ")."
                    : subject + " fell to " + tonnes(ytd) + " so far this year from " + tonnes(earlier)
                            + " a year earlier (" + signedPercent(change) + ").";
            stories.add(new Story(change.abs().multiply(weightOf(ytd, earlier, total, qi)), true, text));
        }
        return stories;
    }

    /**
     * How much a category's move counts beside its dataset's: its share of the dataset's year-so-far tonnage
     * (this year or last, whichever is larger). A small category doubling is less unusual for the flow than
     * the flow itself falling by half.
     */
    private static BigDecimal weightOf(BigDecimal ytd, BigDecimal earlier, TradeSeries total, QuarterIndicators qi) {
        BigDecimal part = ytd.max(earlier);
        BigDecimal whole = total.yearToDate(qi.period()).max(total.yearToDate(qi.period().yearEarlier()));
        return whole.signum() == 0 ? BigDecimal.ONE : part.divide(whole, java.math.MathContext.DECIMAL64);
    }

    // ---- Labor -----------------------------------------------------------------------------------

    private static Optional<Story> labor(QuarterIndicators qi, Dataset labor, KeyDevelopmentThresholds t) {
        String all = Indicator.ALL;
        BigDecimal entering = qi.value(labor, all, WORKERS_ENTERING);
        BigDecimal yoy = qi.value(labor, all, WORKERS_ENTERING_YOY_PCT);
        BigDecimal wage = qi.value(labor, all, WAGE_USD);
        BigDecimal ratio = qi.value(labor, all, WAGE_RATIO_PCT);
        BigDecimal employed = qi.value(labor, all, WORKERS_EMPLOYED);
        String note = monthsNote(qi, labor, all);
        List<String> clauses = new ArrayList<>();
        boolean moved = entering != null && passes(yoy, t);
        if (entering != null) {
            String subject = "Workers entering China" + note;
            clauses.add(moved
                    ? (yoy.signum() == 0 ? subject + " were unchanged on a year earlier at " + whole(entering)
                            : subject + " " + moved(yoy) + " on a year earlier to " + whole(entering))
                    : subject + " numbered " + whole(entering) + " in the quarter"
                            + (yoy == null ? "" : " (" + signedPercent(yoy) + " on a year earlier)"));
            if (wage != null) {
                clauses.add("wages averaged US$" + whole(wage) + " a month"
                        + (ratio == null ? "" : ", " + percent(ratio) + " of a local worker's wage"));
            }
        } else if (wage != null) {
            clauses.add("DPRK workers' wages" + note + " averaged US$" + whole(wage) + " a month"
                    + (ratio == null ? "" : ", " + percent(ratio) + " of a local worker's wage"));
        }
        if (employed != null) {
            clauses.add(clauses.isEmpty()
                    ? "DPRK workers employed at the locations reported" + note + " numbered " + whole(employed)
                    : whole(employed) + " DPRK workers were employed at the locations reported");
        }
        if (clauses.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Story(moved ? yoy.abs() : BigDecimal.ZERO, moved,
                String.join("; ", clauses) + "."));
    }

    // ---- Pieces ----------------------------------------------------------------------------------

    /** A change of a subject, the phrase that says against what, and the figure it arrived at. */
    private record Change(BigDecimal pct, String phrase, BigDecimal figure) {
        static final Change NONE = new Change(null, "", null);

        boolean defined() {
            return pct != null && figure != null;
        }

        boolean passes(KeyDevelopmentThresholds t) {
            return defined() && KeyDevelopments.passes(pct, t);
        }

        /** "rose 77.0 % on the quarter", "were unchanged on a year earlier". */
        String moved() {
            return pct.signum() == 0 ? "were unchanged " + phrase : KeyDevelopments.moved(pct) + " " + phrase;
        }
    }

    /** A sentence, how far its subject moved, and whether that passed the thresholds. */
    private record Story(BigDecimal weight, boolean notable, String text) {
    }

    /** The word for the dataset's direction of trade, from its configuration: imports or exports. */
    private static String flowNoun(Dataset dataset) {
        return dataset.flow().noun();
    }

    /** " (2 of 3 months reported)" for a subject whose quarter is incomplete, else nothing. */
    private static String monthsNote(QuarterIndicators qi, Dataset dataset, String category) {
        BigDecimal months = qi.value(dataset, category, MONTHS_REPORTED);
        if (months == null || months.intValue() >= 3 || months.signum() == 0) {
            return "";
        }
        return " (" + months.intValue() + " of 3 months reported)";
    }

    /** "; flour was 46.6 % of the tonnage", or nothing where no share is defined or one category is all. */
    private static String largestShare(QuarterIndicators qi, Dataset dataset,
                                       BiFunction<Dataset, String, String> names) {
        String top = null;
        BigDecimal topShare = null;
        for (String category : qi.categoriesOf(dataset)) {
            BigDecimal share = qi.value(dataset, category, SHARE_PCT);
            if (share != null && (topShare == null || share.compareTo(topShare) > 0)) {
                top = category;
                topShare = share;
            }
        }
        if (topShare == null || topShare.compareTo(WHOLE) >= 0) {
            return "";
        }
        return "; " + inSentence(names.apply(dataset, top)) + " was " + percent(topShare) + " of the tonnage";
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

    /**
     * A commodity's name inside a sentence: {@code Crude oil} → "crude oil", while a name whose second letter
     * is a capital too ({@code LPG}), or that is not Latin, keeps its case.
     */
    static String inSentence(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))) {
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
        return name;
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

    /** "+5.0 %", "−37.2 %" (a true minus sign), "0.0 %" for what rounds to zero. */
    private static String signedPercent(BigDecimal pct) {
        int sign = pct.setScale(1, RoundingMode.HALF_UP).signum();
        return (sign > 0 ? "+" : sign < 0 ? MINUS : "") + percent(pct.abs());
    }

    // DecimalFormat is not thread-safe: one per call.
    private static String format(String pattern, BigDecimal n) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(n);
    }
}
