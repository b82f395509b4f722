package org.dprktrade.briefing.ingest;

import static org.dprktrade.briefing.ingest.Column.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the cell rules of docs/inputs.md to the rows of one sheet, turning each into an
 * {@link AcceptedRow} or into problems. A row with an error is rejected whole (one error, naming the
 * first bad column) and nothing else of it is used; warnings keep the row.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 * <li>A plain number (not date-formatted) in the {@code month} column is rejected: {@code 2014} could
 *     be a year or a date serial, and reading it as 1905-07-06 would go unnoticed.</li>
 * <li>Numeric cells are read from their stored decimal text and rounded to 15 significant digits, the
 *     precision Excel shows, so a stored {@code 25217.000000000004} counts as {@code 25217}.</li>
 * <li>A numeric cell holding {@code NaN}, {@code INF} or a value beyond the double range is rejected:
 *     spreadsheet programs cannot store one, so it comes from a broken generator.</li>
 * <li>A category name whose slug is longer than {@value #MAX_CATEGORY_LENGTH} characters is rejected (a
 *     note pasted into the wrong column; no output cell could show it).</li>
 * <li>A problem quotes at most {@value #MAX_QUOTED_VALUE} characters of the offending value, then says how
 *     long it was: a 40,000-character cell would otherwise overflow the data-quality outputs.</li>
 * <li>Barrels become tonnes rounded to 6 decimal places (grams), half-even.</li>
 * <li>Category aliases match by slug, so case, spacing and punctuation do not matter
 *     ({@code WHEAT-FLOUR} is {@code Wheat flour}).</li>
 * <li>"Unknown category" and "no USD rate" warnings are given once per file for each category or
 *     currency and year (at the first row concerned), not for every row.</li>
 * <li>A row identical in every cell (extra columns included) to an earlier row is a duplicate and is
 *     not interpreted again; it is reported whether the earlier row was accepted or rejected.</li>
 * </ul>
 *
 * <p>The interpreter keeps per-file state (duplicates, warnings given): use one per sheet. Memory grows
 * by 16 bytes per row for duplicate detection. Not thread-safe.
 */
public final class RowInterpreter {

    private static final Set<String> TOTAL_WORDS = Set.of("total", "sum", "subtotal");
    private static final Set<String> MISSING = Set.of("", "-", "\u2013", "\u2014", "n/a", "na");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/](\\d{1,2})");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(T[0-9:.]*)?");
    private static final Pattern NAMED_MONTH = Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{4})");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern GROUPED_NUMBER =
            Pattern.compile("\\+?\\d{1,3}([, \u00A0\u202F])\\d{3}(\\1\\d{3})*(\\.\\d+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final List<String> MONTH_NAMES = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final int TONNE_SCALE = 6;
    private static final long LAST_SERIAL = 2_958_465; // 9999-12-31 in the 1900 system
    static final String NOT_A_MONTH = "not a month: expected YYYY-MM, Mon YYYY or a date";
    static final String NOT_FINITE = "not a finite number (beyond what a spreadsheet cell can hold)";
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?i:nan|inf|infinity|∞)");
    private static final BigDecimal LARGEST_DOUBLE = new BigDecimal(Double.MAX_VALUE);
    /** Longest category name kept: a longer one is a note or a paste in the wrong column, not a name. */
    static final int MAX_CATEGORY_LENGTH = 1_000;
    /** Longest offending value quoted in a problem; the row and column locate the rest. */
    static final int MAX_QUOTED_VALUE = 500;
    /** Raw names kept per file for display: far more categories than any output lists. */
    static final int MAX_NAMES_KEPT = 1_000;

    private final Dataset dataset;
    private final IngestProperties props;
    private final String fileName;
    private final String sheetName;
    private final boolean date1904;
    private final Map<String, String> categoryBySlug = new HashMap<>();
    private final Set<String> knownCategories;
    private final RowFingerprints fingerprints = new RowFingerprints();
    private final Set<String> warned = new HashSet<>();
    private final boolean quantityInUnits;
    private final Map<String, String> firstNames = new LinkedHashMap<>();

    /** For a sheet whose quantities are in {@code quantity_t} (trade) or labor. */
    public RowInterpreter(Dataset dataset, IngestProperties props, String fileName, String sheetName,
                          boolean date1904) {
        this(dataset, props, fileName, sheetName, date1904, false);
    }

    /**
     * @param quantityInUnits whether the sheet gives trade quantities as {@code quantity} + {@code unit}
     *                        (converted to tonnes) rather than {@code quantity_t}: the header row says which
     */
    public RowInterpreter(Dataset dataset, IngestProperties props, String fileName, String sheetName,
                          boolean date1904, boolean quantityInUnits) {
        this.dataset = dataset;
        this.quantityInUnits = quantityInUnits;
        this.props = props;
        this.fileName = fileName;
        this.sheetName = sheetName;
        this.date1904 = date1904;
        props.categoryAliases().forEach((target, names) -> {
            for (String name : names) {
                categoryBySlug.put(slug(name), target);
            }
        });
        dataset.categoryAliases().forEach((target, names) -> {
            for (String name : names) {
                categoryBySlug.put(slug(name), target);
            }
        });
        this.knownCategories = Set.copyOf(dataset.knownCategories());
    }

    /**
     * The row as an accepted record, or empty where it is a total row (silently), a duplicate
     * (warning) or has an error (the error is passed to {@code problems}).
     */
    public Optional<AcceptedRow> interpret(SheetRow row, Consumer<RowProblem> problems) {
        if (isTotalRow(row)) {
            return Optional.empty();
        }
        long first = fingerprints.firstRowOf(row.rawTexts(), row.row());
        if (first != 0) {
            problems.accept(problem(row, "", Severity.WARNING, "duplicate of row " + first,
                    String.join(" | ", row.rawTexts().stream().filter(t -> !t.isEmpty()).toList())));
            return Optional.empty();
        }
        try {
            return Optional.of(dataset.isTrade() ? trade(row, problems) : labor(row, problems));
        } catch (Rejected r) {
            problems.accept(problem(row, dataset.header(r.column), Severity.ERROR, r.problem, r.value));
            return Optional.empty();
        }
    }

    /** Whether the row's {@code month} cell reads Total, Sum or Subtotal (any case, punctuation ignored). */
    public boolean isTotalRow(SheetRow row) {
        CellValue month = row.cell(MONTH);
        return month.kind() == CellValue.Kind.TEXT && TOTAL_WORDS.contains(Column.normaliseHeader(month.raw()));
    }

    // ---- datasets -------------------------------------------------------------------------------

    private TradeRecord trade(SheetRow row, Consumer<RowProblem> problems) {
        YearMonth month = month(row);
        Column categoryColumn = dataset.categoryColumn();
        String category = category(row, categoryColumn);
        BigDecimal quantity;
        if (quantityInUnits) {
            quantity = tonnes(row, category, number(row, QUANTITY, true));
        } else {
            quantity = number(row, QUANTITY_T, true);
        }
        BigDecimal value = number(row, VALUE_USD, false);
        warnIfUnknown(row, categoryColumn, category, problems);
        return new TradeRecord(month, category, quantity, value, text(row, SOURCE), text(row, NOTE), row.row());
    }

    private BigDecimal tonnes(SheetRow row, String product, BigDecimal quantity) {
        CellValue unitCell = row.cell(UNIT);
        if (isMissing(unitCell)) {
            throw new Rejected(UNIT, "missing value", unitCell.raw());
        }
        String unit = unitCell.raw().strip().toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "t", "tonnes", "tons" -> quantity;
            case "kg" -> normalise(quantity.movePointLeft(3));
            case "bbl", "barrels" -> {
                BigDecimal perTonne = props.barrelsPerTonne().get(product);
                if (perTonne == null || perTonne.signum() <= 0) {
                    throw new Rejected(UNIT, "barrels of " + product
                            + " cannot be converted: no barrels-per-tonne factor configured", unitCell.raw());
                }
                yield normalise(quantity.divide(perTonne, TONNE_SCALE, RoundingMode.HALF_EVEN));
            }
            default -> throw new Rejected(UNIT, "unknown unit: expected t, tonnes, tons, kg, bbl or barrels",
                    unitCell.raw());
        };
    }

    private LaborRecord labor(SheetRow row, Consumer<RowProblem> problems) {
        YearMonth month = month(row);
        String location = category(row, dataset.categoryColumn());
        Long entering = wholeNumber(row, WORKERS_ENTERING);
        Long employed = wholeNumber(row, WORKERS_EMPLOYED);
        BigDecimal wage = number(row, WAGE, false);
        BigDecimal wageLocal = number(row, WAGE_LOCAL, false);
        String currency = null;
        CellValue currencyCell = row.cell(CURRENCY);
        if (!isMissing(currencyCell)) {
            currency = currencyCell.raw().strip().toUpperCase(Locale.ROOT);
            if (!CURRENCY_CODE.matcher(currency).matches()) {
                throw new Rejected(CURRENCY, "not a currency code: expected three letters such as CNY",
                        currencyCell.raw());
            }
        }
        if (entering == null && employed == null && wage == null) {
            throw new Rejected(WORKERS_ENTERING,
                    "missing value: a labor row needs workers_entering, workers_employed or wage", "");
        }
        if (wage != null && currency == null) {
            throw new Rejected(CURRENCY, "missing value: a wage needs a currency", currencyCell.raw());
        }
        BigDecimal wageUsd = null;
        if (wage != null) {
            BigDecimal rate = props.usdRate(currency, month.getYear());
            if (rate == null) {
                String key = "rate:" + currency + ":" + month.getYear();
                if (warned.add(key)) {
                    problems.accept(problem(row, CURRENCY.header(), Severity.WARNING, "no USD rate for " + currency
                            + " in " + month.getYear() + ": wage kept but not converted", currency));
                }
            } else {
                wageUsd = normalise(wage.multiply(rate));
            }
        }
        return new LaborRecord(month, location, entering, employed, wage, wageLocal, currency, wageUsd,
                text(row, SOURCE), text(row, NOTE), row.row());
    }

    // ---- cells ----------------------------------------------------------------------------------

    private YearMonth month(SheetRow row) {
        CellValue cell = row.cell(MONTH);
        switch (cell.kind()) {
            case BLANK -> throw new Rejected(MONTH, "missing value", "");
            case NUMBER -> {
                if (!cell.dateFormatted()) {
                    throw new Rejected(MONTH, NOT_A_MONTH + " (a plain number is not a date; format the cell as a"
                            + " date or write YYYY-MM)", cell.raw());
                }
                return monthOfSerial(cell.raw());
            }
            case TEXT -> {
                YearMonth month = monthOfText(cell.raw().strip(), cell.dateFormatted());
                if (month == null) {
                    throw new Rejected(MONTH, cell.raw().isBlank() ? "missing value" : NOT_A_MONTH, cell.raw());
                }
                return month;
            }
            default -> throw notNumeric(MONTH, cell);
        }
    }

    /**
     * The month of an Excel date serial, by arithmetic on the day count (no time zone is involved).
     * In the 1900 system day 1 is 1900-01-01 and day 60 the fictitious 1900-02-29 that Excel keeps for
     * compatibility with Lotus 1-2-3; in the 1904 system day 0 is 1904-01-01.
     */
    private YearMonth monthOfSerial(String raw) {
        long day;
        try {
            day = new BigDecimal(raw).setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Rejected(MONTH, NOT_A_MONTH + " (date serial out of range)", raw);
        }
        LocalDate date;
        if (date1904) {
            date = day < 0 || day > LAST_SERIAL - 1462 ? null : LocalDate.of(1904, 1, 1).plusDays(day);
        } else if (day < 1 || day > LAST_SERIAL) {
            date = null;
        } else if (day == 60) {
            return YearMonth.of(1900, 2);
        } else {
            date = day < 60 ? LocalDate.of(1899, 12, 31).plusDays(day) : LocalDate.of(1899, 12, 30).plusDays(day);
        }
        if (date == null) {
            throw new Rejected(MONTH, NOT_A_MONTH + " (date serial out of range)", raw);
        }
        return YearMonth.from(date);
    }

    private static YearMonth monthOfText(String text, boolean isoDate) {
        try {
            Matcher m = YEAR_MONTH.matcher(text);
            if (m.matches()) {
                return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = (isoDate ? ISO_DATE_TIME : YEAR_MONTH_DAY).matcher(text);
            if (m.matches()) {
                // LocalDate validates the day too: 2014-02-30 is no date
                return YearMonth.from(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = NAMED_MONTH.matcher(text);
            if (m.matches()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                for (int i = 0; i < MONTH_NAMES.size(); i++) {
                    String full = MONTH_NAMES.get(i);
                    if (name.equals(full) || name.equals(full.substring(0, 3))) {
                        return YearMonth.of(Integer.parseInt(m.group(2)), i + 1);
                    }
                }
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** A non-negative number, {@code null} where the cell is missing and the column optional. */
    private BigDecimal number(SheetRow row, Column column, boolean required) {
        CellValue cell = row.cell(column);
        BigDecimal number = switch (cell.kind()) {
            case BLANK -> null;
            case NUMBER -> finite(column, cell.raw());
            case TEXT -> numberOfText(column, cell.raw());
            default -> throw notNumeric(column, cell);
        };
        if (number == null) {
            if (required) {
                throw new Rejected(column, "missing value", cell.raw());
            }
            return null;
        }
        if (number.signum() < 0) {
            throw new Rejected(column, "negative number", cell.raw());
        }
        return number;
    }

    /**
     * A numeric cell's stored value. Excel stores finite doubles only; a generator may write {@code NaN},
     * {@code INF} or a value beyond the double range (1E400), which no spreadsheet can hold: a row error.
     */
    private static BigDecimal finite(Column column, String raw) {
        BigDecimal number;
        try {
            number = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new Rejected(column, NON_FINITE.matcher(raw).matches() ? NOT_FINITE : "not a number", raw);
        }
        if (number.abs().compareTo(LARGEST_DOUBLE) > 0) {
            throw new Rejected(column, NOT_FINITE, raw);
        }
        return normalise(number.round(EXCEL_PRECISION));
    }

    private static BigDecimal numberOfText(Column column, String raw) {
        String text = raw.strip();
        if (MISSING.contains(text.toLowerCase(Locale.ROOT))) {
            return null;
        }
        boolean negative = text.startsWith("-") || text.startsWith("\u2212");
        String digits = negative ? text.substring(1).strip() : text;
        String plain;
        if (PLAIN_NUMBER.matcher(digits).matches()) {
            plain = digits;
        } else {
            Matcher grouped = GROUPED_NUMBER.matcher(digits);
            if (!grouped.matches()) {
                throw new Rejected(column, "not a number", raw);
            }
            plain = digits.replace(grouped.group(1), "");
        }
        if (negative) {
            throw new Rejected(column, "negative number", raw);
        }
        return normalise(new BigDecimal(plain.startsWith("+") ? plain.substring(1) : plain));
    }

    private Long wholeNumber(SheetRow row, Column column) {
        BigDecimal number = number(row, column, false);
        if (number == null) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new Rejected(column, "not a whole number", row.cell(column).raw());
        }
    }

    private static Rejected notNumeric(Column column, CellValue cell) {
        return switch (cell.kind()) {
            case ERROR -> new Rejected(column, "error value in the cell", cell.raw());
            case FORMULA_NO_VALUE -> new Rejected(column,
                    "formula without a cached value (open and save the file in a spreadsheet program)", "");
            case BOOLEAN -> new Rejected(column, column == MONTH ? NOT_A_MONTH : "not a number",
                    "1".equals(cell.raw()) ? "TRUE" : "FALSE");
            default -> new Rejected(column, column == MONTH ? NOT_A_MONTH : "not a number", cell.raw());
        };
    }

    private String category(SheetRow row, Column column) {
        CellValue cell = row.cell(column);
        if (cell.kind() != CellValue.Kind.TEXT && cell.kind() != CellValue.Kind.NUMBER) {
            if (cell.isBlank()) {
                throw new Rejected(column, "missing value", "");
            }
            throw new Rejected(column, "not a name", cell.kind() == CellValue.Kind.ERROR ? cell.raw() : "");
        }
        String slug = slug(cell.raw());
        if (slug.length() > MAX_CATEGORY_LENGTH) {
            throw new Rejected(column, "not a name: " + cell.raw().length() + " characters, more than the "
                    + MAX_CATEGORY_LENGTH + " a category name may have", cell.raw());
        }
        if (slug.isEmpty()) {
            throw new Rejected(column, cell.isBlank() ? "missing value" : "not a name: no letters or digits", cell.raw());
        }
        String category = categoryBySlug.getOrDefault(slug, slug);
        if (firstNames.size() < MAX_NAMES_KEPT) {
            firstNames.putIfAbsent(category, cell.raw().strip());
        }
        return category;
    }

    /**
     * The first raw name seen for each category slug (after alias mapping), in first-seen order: what
     * outputs show for a category with no configured display name. Bounded for hostile files.
     */
    public Map<String, String> firstNames() {
        return java.util.Collections.unmodifiableMap(firstNames);
    }

    private void warnIfUnknown(SheetRow row, Column column, String category, Consumer<RowProblem> problems) {
        if (knownCategories.isEmpty() || knownCategories.contains(category)
                || categoryBySlug.containsValue(category)) {
            return;
        }
        if (warned.add("category:" + category)) {
            problems.accept(problem(row, dataset.header(column), Severity.WARNING,
                    "unknown category '" + category + "': kept as it is (first of its rows)", row.cell(column).raw()));
        }
    }

    private static String text(SheetRow row, Column column) {
        return row.cell(column).raw().strip();
    }

    /**
     * The slug of a category name: lower case, every run of characters that are not Unicode letters or
     * digits replaced by one {@code _}, none at either end. Korean and Chinese letters are kept.
     */
    public static String slug(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && sb.length() > 0) {
                    sb.append('_');
                }
                sb.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    private static boolean isMissing(CellValue cell) {
        return cell.kind() == CellValue.Kind.BLANK
                || (cell.kind() == CellValue.Kind.TEXT && MISSING.contains(cell.raw().strip().toLowerCase(Locale.ROOT)));
    }

    private static BigDecimal normalise(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private RowProblem problem(SheetRow row, String column, Severity severity, String text, String value) {
        return new RowProblem(fileName, sheetName, row.row(), column, severity, text, quoted(value));
    }

    /** The value as a problem quotes it: cut after {@link #MAX_QUOTED_VALUE} characters (never inside a pair). */
    static String quoted(String value) {
        if (value == null || value.length() <= MAX_QUOTED_VALUE) {
            return value;
        }
        int end = MAX_QUOTED_VALUE - (Character.isHighSurrogate(value.charAt(MAX_QUOTED_VALUE - 1)) ? 1 : 0);
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }

    /** A row error, thrown within this class only to leave the row's rules at the first bad cell. */
    private static final class Rejected extends RuntimeException {
        private final Column column;
        private final String problem;
        private final String value;

        Rejected(Column column, String problem, String value) {
            super(problem, null, false, false);
            this.column = column;
            this.problem = problem;
            this.value = value == null ? "" : value;
        }
    }
}
