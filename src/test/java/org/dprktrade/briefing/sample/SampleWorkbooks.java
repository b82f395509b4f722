package org.dprktrade.briefing.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the four sample input workbooks ({@code grain.xlsx}, {@code fertilizer.xlsx}, {@code oil.xlsx},
 * {@code labor.xlsx}), January 2012 to December 2014, monthly.
 *
 * <p>The figures reproduce what {@code docs/sample-data.md} quotes from the source posts (Yonhap, KOTRA,
 * KITA, IFES, NK News, Daily NK, Chinese customs); every monthly figure the posts do not give is made
 * up so that it adds up to the reported totals, and its row says so in the {@code Note} cell. The
 * quantities are literal tables below, so a reader can check them by eye; only the US dollar values
 * are derived (quantity × a plausible unit value × a small fixed month-to-month wobble).
 *
 * <p>The layout deliberately exercises the input contract (docs/inputs.md): title and note rows above
 * the header, header texts that only meet the column names through aliases, extra columns, a
 * different column order per workbook, months as date cells and as text, blank rows between years,
 * total rows, zero cells, quantities in tonnes, kilograms and barrels, wages as text with thousands
 * separators, a missing value written {@code n/a}, a location written in Chinese, and a wage in a
 * currency with no default exchange rate.
 *
 * <p>Output is deterministic: no randomness, fixed document dates, fixed column widths. Usage:
 * {@code SampleWorkbooks [output-dir]} (default {@code input}); see {@code input/README.md}.
 */
public final class SampleWorkbooks {

    /** Written as the documents' creation and modification date instead of "now". */
    static final LocalDate DOCUMENT_DATE = LocalDate.of(2015, 1, 31);

    static final List<String> FILE_NAMES = List.of("grain.xlsx", "fertilizer.xlsx", "oil.xlsx", "labor.xlsx",
            "minerals.xlsx");

    private static final int FIRST_YEAR = 2012;
    private static final int LAST_YEAR = 2014;

    /** The note of every figure the sources do not give at all. */
    private static final String ILLUSTRATIVE = "Illustrative, not a reported figure";

    private SampleWorkbooks() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length == 0 ? "input" : args[0]);
        for (Path written : writeAll(dir)) {
            System.out.println("wrote " + written);
        }
    }

    /** Writes the four workbooks into {@code dir} (created if needed), replacing existing files. */
    public static List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        return List.of(
                writeGrain(dir.resolve("grain.xlsx")),
                writeFertilizer(dir.resolve("fertilizer.xlsx")),
                writeOil(dir.resolve("oil.xlsx")),
                writeLabor(dir.resolve("labor.xlsx")),
                writeMinerals(dir.resolve("minerals.xlsx")));
    }

    // ---------------------------------------------------------------------------------------------
    // Minerals (the sample fifth dataset of SPEC section 7: exports to China)
    // ---------------------------------------------------------------------------------------------

    private static final String KITA_MINERALS = "Yonhap via Korea Times 2015-01 (KITA, Chinese customs data)";
    private static final List<String> MINERALS = List.of("Anthracite", "Iron ore", "Other");
    private static final List<String> MINERAL_HS = List.of("2701", "2601", "");

    /**
     * Yearly tonnes and US dollars per mineral (rows {@link #MINERALS}, columns 2012, 2013, 2014).
     * Reported: anthracite 2014 15.43 Mt, −6.4 % on 2013, so 2013 16.485 Mt; US$1.13 bn, −17.6 %, so
     * 2013 US$1.3714 bn; iron ore 2014 US$218.6 m, −25.7 %, so 2013 US$294.2 m. Everything else (2012,
     * iron ore tonnes, other minerals) is made up.
     */
    private static final long[][] MINERAL_TONNES = {
        {11_250_000, 16_485_000, 15_430_000},
        {2_520_000, 3_360_000, 2_940_000},
        {1_210_000, 1_330_000, 1_260_000}};
    private static final long[][] MINERAL_USD = {
        {1_165_000_000L, 1_371_400_000L, 1_130_000_000L},
        {270_300_000L, 294_200_000L, 218_600_000L},
        {96_800_000L, 103_700_000L, 98_300_000L}};
    /** Made-up monthly shares of a year's figure, in per mille: lower in winter, when the border river freezes. */
    private static final int[] MONTHLY_PER_MILLE = {62, 58, 80, 88, 92, 90, 86, 90, 92, 96, 88, 78};

    static Path writeMinerals(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter("minerals", "mmm yyyy")) {
            w.widths(12, 14, 9, 14, 16, 52, 80);
            w.title("DPRK mineral exports to China, monthly (sample data)");
            w.note("Only the 2013 and 2014 yearly totals of anthracite (tonnes and US$) and of iron ore (US$) are "
                    + "reported figures; every monthly figure, and everything else, is made up (see Note).");
            w.header("Month", "Commodity", "HS code", "Quantity (t)", "Value (USD)", "Source", "Note");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int first = w.nextRow();
                int y = year - FIRST_YEAR;
                for (Month month : Month.values()) {
                    for (int m = 0; m < MINERALS.size(); m++) {
                        boolean reportedTonnes = year >= 2013 && m == 0;
                        boolean reportedValue = year >= 2013 && m <= 1;
                        w.row(LocalDate.of(year, month, 1), MINERALS.get(m), MINERAL_HS.get(m).isEmpty() ? null
                                : MINERAL_HS.get(m), monthly(MINERAL_TONNES[m][y], month),
                                monthly(MINERAL_USD[m][y], month),
                                reportedTonnes || reportedValue ? KITA_MINERALS : "Illustrative",
                                mineralNote(year, m, reportedTonnes, reportedValue));
                    }
                }
                w.total(first, new int[] {3, 4}, "Total", year + ", all minerals");
                w.blank();
            }
            return w.save(file);
        }
    }

    /** The month's part of a yearly figure: its per-mille share, December taking the rounding remainder. */
    static long monthly(long yearly, Month month) {
        if (month == Month.DECEMBER) {
            long others = 0;
            for (Month m : Month.values()) {
                if (m != Month.DECEMBER) {
                    others += monthly(yearly, m);
                }
            }
            return yearly - others;
        }
        return BigDecimal.valueOf(yearly).multiply(BigDecimal.valueOf(MONTHLY_PER_MILLE[month.ordinal()]))
                .movePointLeft(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static String mineralNote(int year, int mineral, boolean reportedTonnes, boolean reportedValue) {
        if (!reportedTonnes && !reportedValue) {
            return ILLUSTRATIVE;
        }
        String what = reportedTonnes ? "tonnes and US$" : "US$";
        return year + " yearly " + what + " total reported for " + MINERALS.get(mineral).toLowerCase(Locale.ROOT)
                + "; the monthly split is made up" + (reportedTonnes ? "" : ", and so are the tonnes");
    }

    // ---------------------------------------------------------------------------------------------
    // Grain
    // ---------------------------------------------------------------------------------------------

    private static final String IFES = "IFES 2014-10-16, \"Sharp increase in grain imports from China in "
            + "second half of 2014\" (Chinese customs data)";

    private static final List<String> GRAINS = List.of("Wheat flour", "Rice", "Maize", "Barley", "Soybean");
    /** HS codes as text, as customs tables print them (an extra column the reader ignores). */
    private static final List<String> GRAIN_HS = List.of("1101", "1006", "1005", "1003", "1201");
    private static final int[] GRAIN_USD_PER_T = {420, 560, 320, 310, 590};

    /**
     * Tonnes per month (rows January to December) and grain (columns in {@link #GRAINS} order).
     * Reported: Jan–Jun 2014 58,387 t; Jul 2014 19,559 t; Aug 2014 25,217 t; Jan–Aug 2013 174,020 t;
     * Jan–Aug 2014 mix flour 46.6 %, rice 42.3 %, corn 8.9 %. The Jan–Aug 2014 columns add up to
     * flour 48,074, rice 43,638, corn 9,182, barley 1,412, soybean 857 (103,163 t), which give exactly
     * those one-decimal shares (48,074 / 103,163 = 46.600 %; 43,638 → 42.300 %; 9,182 → 8.900 %).
     * Everything else is illustrative.
     */
    private static final Map<Integer, long[][]> GRAIN_TONNES = Map.of(
            2012, new long[][] {
                {8544, 4371, 5961, 596, 398},
                {7981, 3990, 5442, 544, 363},
                {9463, 4626, 6309, 631, 421},
                {9873, 5051, 6888, 689, 459},
                {9035, 4518, 6160, 616, 411},
                {8550, 4180, 5700, 570, 380},
                {8149, 4169, 5685, 568, 379},
                {9249, 4624, 6306, 631, 420},
                {7782, 3805, 5188, 519, 346},
                {7262, 3716, 5067, 507, 338},
                {8025, 4012, 5471, 547, 365},
                {8960, 4381, 5974, 597, 398}},
            2013, new long[][] {
                {11034, 4995, 6524, 598, 329},
                {8097, 5562, 6450, 507, 299},
                {11067, 6363, 5959, 603, 378},
                {9772, 4974, 6910, 621, 333},
                {8888, 5598, 6555, 475, 329},
                {9454, 4443, 4996, 537, 330},
                {8774, 4623, 5929, 538, 266},
                {9483, 5207, 5403, 471, 346},
                {7308, 4222, 4060, 406, 244},
                {6917, 3996, 3842, 384, 231},
                {7866, 4545, 4370, 437, 262},
                {8509, 4917, 4727, 473, 284}},
            2014, new long[][] {
                {4845, 3526, 837, 132, 72},
                {3596, 4091, 863, 117, 69},
                {4443, 4647, 791, 138, 86},
                {4857, 3829, 967, 150, 80},
                {4351, 4542, 967, 121, 83},
                {5081, 4034, 825, 153, 94},
                {9372, 7911, 1845, 288, 143},
                {11529, 11058, 2087, 313, 230},
                {10645, 9487, 2198, 463, 347},
                {11615, 10132, 2348, 494, 371},
                {10295, 9176, 2126, 447, 336},
                {12336, 10761, 2494, 525, 394}});

    static Path writeGrain(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter("grain", "mmm yyyy")) {
            w.widths(10, 14, 9, 13, 13, 60, 70);
            w.title("DPRK grain imports from China, monthly, tonnes and US dollars (sample data)");
            w.note("Compiled from reports of Chinese customs data. Reported totals are reproduced exactly; "
                    + "monthly and per-grain splits not given by the sources are illustrative (see Note).");
            w.header("Month", "Commodity", "HS code", "Quantity (t)", "Value (USD)", "Source", "Note");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int first = w.nextRow();
                for (Month month : Month.values()) {
                    YearMonth ym = YearMonth.of(year, month);
                    for (int g = 0; g < GRAINS.size(); g++) {
                        long tonnes = GRAIN_TONNES.get(year)[month.ordinal()][g];
                        w.row(ym.atDay(1), GRAINS.get(g), GRAIN_HS.get(g), tonnes,
                                valueUsd(BigDecimal.valueOf(tonnes), GRAIN_USD_PER_T[g], ym, g),
                                grainSource(ym), grainNote(ym));
                    }
                }
                w.total(first, new int[] {3, 4}, "Total", year + ", all grains");
                w.blank();
            }
            return w.save(file);
        }
    }

    private static String grainSource(YearMonth ym) {
        boolean reported = (ym.getYear() == 2014 || ym.getYear() == 2013) && ym.getMonthValue() <= 8;
        return reported ? IFES : "Illustrative (scale after " + IFES + ")";
    }

    private static String grainNote(YearMonth ym) {
        if (ym.getYear() == 2014 && ym.getMonthValue() <= 6) {
            return "Jan–Jun 2014 total 58,387 t reported; monthly and per-grain split illustrative "
                    + "(Jan–Aug 2014 mix as reported: flour 46.6 %, rice 42.3 %, corn 8.9 %)";
        }
        if (ym.equals(YearMonth.of(2014, 7))) {
            return "July 2014 total 19,559 t reported; per-grain split illustrative";
        }
        if (ym.equals(YearMonth.of(2014, 8))) {
            return "August 2014 total 25,217 t reported; per-grain split illustrative";
        }
        if (ym.getYear() == 2013 && ym.getMonthValue() <= 8) {
            return "Jan–Aug 2013 total 174,020 t reported; monthly and per-grain split illustrative";
        }
        return ILLUSTRATIVE;
    }

    // ---------------------------------------------------------------------------------------------
    // Fertilizer
    // ---------------------------------------------------------------------------------------------

    private static final List<String> FERTILIZERS = List.of("Urea", "Ammonium sulfate", "Potash", "Compound");
    private static final int[] FERTILIZER_USD_PER_T = {380, 190, 450, 510};

    /**
     * Tonnes per month (rows January to December) and product (columns in {@link #FERTILIZERS} order),
     * peaking with spring planting. Reported: Jan–Aug 2014 115,337 t; Jan–Aug 2013 183,639 t.
     * Everything else is illustrative.
     */
    private static final Map<Integer, long[][]> FERTILIZER_TONNES = Map.of(
            2012, new long[][] {
                {6162, 3361, 1400, 2661},
                {9468, 4940, 2058, 3910},
                {17215, 8608, 3587, 6814},
                {19752, 10535, 4389, 8340},
                {18089, 9237, 3849, 7313},
                {12324, 6722, 2801, 5321},
                {8416, 4391, 1829, 3476},
                {6456, 3228, 1345, 2555},
                {3119, 1663, 693, 1317},
                {2128, 1087, 453, 860},
                {1027, 560, 233, 444},
                {1052, 549, 229, 434}},
            2013, new long[][] {
                {5252, 3054, 1099, 2443},
                {8078, 4488, 1615, 3590},
                {14702, 7820, 2816, 6256},
                {16845, 9571, 3445, 7657},
                {15441, 8392, 3021, 6714},
                {10504, 6107, 2198, 4886},
                {7181, 3989, 1436, 3191},
                {5513, 2933, 1056, 2346},
                {2658, 1510, 544, 1208},
                {1817, 988, 355, 790},
                {873, 508, 183, 406},
                {895, 498, 179, 398}},
            2014, new long[][] {
                {3145, 2071, 614, 1611},
                {4848, 3044, 902, 2368},
                {8841, 5304, 1572, 4126},
                {10099, 6492, 1924, 5049},
                {9277, 5692, 1687, 4427},
                {6290, 4143, 1227, 3222},
                {4309, 2706, 802, 2104},
                {3315, 1989, 590, 1547},
                {1594, 1025, 304, 797},
                {1091, 670, 198, 521},
                {524, 345, 102, 269},
                {539, 338, 100, 263}});

    static Path writeFertilizer(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter("fertilizer", null)) {
            w.widths(18, 10, 12, 13, 60, 70);
            w.title("DPRK chemical fertilizer imports from China, monthly (sample data)");
            w.note("Periods are written as text (YYYY-MM). Reported Jan–Aug totals are reproduced exactly; "
                    + "monthly and per-product splits are illustrative (see Note).");
            w.header("Product", "Period", "Tonnes", "USD", "Source", "Note");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int first = w.nextRow();
                for (Month month : Month.values()) {
                    YearMonth ym = YearMonth.of(year, month);
                    for (int p = 0; p < FERTILIZERS.size(); p++) {
                        long tonnes = FERTILIZER_TONNES.get(year)[month.ordinal()][p];
                        boolean reported = year >= 2013 && month.getValue() <= 8;
                        // One value left out as the source tables sometimes do: "n/a" is a missing value.
                        boolean valueMissing = ym.equals(YearMonth.of(2012, 12)) && p == 2;
                        w.row(FERTILIZERS.get(p), ym.toString(), tonnes,
                                valueMissing ? "n/a" : valueUsd(BigDecimal.valueOf(tonnes), FERTILIZER_USD_PER_T[p], ym, p),
                                reported ? IFES : "Illustrative (scale after " + IFES + ")",
                                fertilizerNote(ym, reported, valueMissing));
                    }
                }
                w.total(first, new int[] {2, 3}, year + ", all fertilizers", "Subtotal");
                w.blank();
            }
            return w.save(file);
        }
    }

    private static String fertilizerNote(YearMonth ym, boolean reported, boolean valueMissing) {
        String note = !reported ? ILLUSTRATIVE
                : ym.getYear() == 2014 ? "Jan–Aug 2014 total 115,337 t reported; monthly and per-product split illustrative"
                : "Jan–Aug 2013 total 183,639 t reported; monthly and per-product split illustrative";
        return valueMissing ? note + "; value not available" : note;
    }

    // ---------------------------------------------------------------------------------------------
    // Oil
    // ---------------------------------------------------------------------------------------------

    private static final String KOTRA_CRUDE = "Yonhap 2014-03-10 and 2015-01-26 (KOTRA Beijing, Chinese customs data)";
    private static final String NK_NEWS = "NK News via NKEW 2014-07-14 (Chinese customs data)";
    private static final String YONHAP_JET = "Yonhap 2014-11-04 (Ministry of Unification, Chinese customs data)";

    /**
     * One product's monthly quantities in one year, each written with its unit ({@code "61300 t"},
     * {@code "29800 bbl"}, {@code "36000 kg"}), with the source and note of the reported total it
     * belongs to; {@code reportedMonths} months from January carry them, the rest are illustrative.
     */
    private record OilSeries(int year, String item, String hs, int usdPerTonne, String barrelsPerTonne,
            String source, String note, int reportedMonths, List<String> months) {
    }

    /**
     * Reported: crude oil 578,000 t in 2013 (+11.2 % on 2012, so 2012 = 519,800 t) with no shipment in
     * February, June and July 2013, and zero in every month of 2014; jet fuel 39,000 t Jan–Sep 2012,
     * 359 t Jan–Sep 2013 and 13,000 t Jan–Sep 2014, mostly one shipment in March 2014 (12,702 t =
     * 100,092 bbl at 7.88 bbl/t); Jan–May 2014 gasoline about 280,000 bbl (+84 % on 152,200 bbl),
     * diesel 63,000 bbl, kerosene +5,131 % (12,817 t against 245 t), butane +28 % (10,000 t against
     * 7,810 t), more than 88,000 t of refined products in all (here 32,825 + 8,445 + 12,817 + 10,000
     * + 25,000 = 89,087 t). The monthly splits are illustrative.
     */
    private static final List<OilSeries> OIL = List.of(
            new OilSeries(2012, "Crude oil", "2709", 780, "7.33", KOTRA_CRUDE,
                    "2013 was +11.2 % on 2012 and about 520,000 t a year 2009–2012 (Daily NK); monthly split illustrative", 12,
                    t(44100, 41800, 45600, 43900, 42700, 40300, 44800, 45200, 41900, 43600, 42500, 43400)),
            new OilSeries(2013, "Crude oil", "2709", 790, "7.33", KOTRA_CRUDE,
                    "2013 total 578,000 t reported, no shipment in Feb, Jun, Jul; monthly split illustrative", 12,
                    t(61300, 0, 72800, 58600, 66900, 0, 0, 79400, 48200, 63700, 59100, 68000)),
            new OilSeries(2014, "Crude oil", "2709", 790, "7.33", KOTRA_CRUDE,
                    "No recorded shipment in any month of 2014 (\"at least on paper\")", 12,
                    t(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),

            new OilSeries(2012, "Petrol", "2710", 1040, "8.53", NK_NEWS, ILLUSTRATIVE, 0,
                    t(3410, 3280, 3650, 3720, 3590, 3460, 3380, 3520, 3610, 3700, 3490, 3560)),
            new OilSeries(2013, "Petrol", "2710", 1050, "8.53", NK_NEWS,
                    "Jan–May 2013 implied by the reported +84 % for Jan–May 2014; monthly split illustrative", 5,
                    List.of("29800 bbl", "27400 bbl", "33100 bbl", "30200 bbl", "31700 bbl",
                            "3720 t", "3650 t", "3810 t", "3940 t", "4020 t", "3880 t", "4110 t")),
            new OilSeries(2014, "Motor gasoline", "2710", 1030, "8.53", NK_NEWS,
                    "Jan–May 2014 about 280,000 bbl reported; monthly split illustrative", 5,
                    List.of("52400 bbl", "49800 bbl", "61300 bbl", "55900 bbl", "60600 bbl",
                            "6240 t", "6580 t", "6910 t", "6470 t", "6720 t", "6350 t", "6890 t")),

            new OilSeries(2012, "Diesel oil", "2710", 980, "7.46", NK_NEWS,
                    "No exports reported between 2011 and 2014", 12, t(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            new OilSeries(2013, "Diesel oil", "2710", 980, "7.46", NK_NEWS,
                    "No exports reported between 2011 and 2014", 12, t(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            new OilSeries(2014, "Diesel oil", "2710", 960, "7.46", NK_NEWS,
                    "Jan–May 2014 63,000 bbl reported; monthly split illustrative", 5,
                    List.of("11200 bbl", "9800 bbl", "14600 bbl", "13100 bbl", "14300 bbl",
                            "1840 t", "1920 t", "2010 t", "1880 t", "1950 t", "2060 t", "2130 t")),

            new OilSeries(2012, "Jet fuel", "2710", 1000, "7.88", YONHAP_JET,
                    "Jan–Sep 2012 39,000 t reported; monthly split illustrative", 9,
                    t(4300, 4100, 4600, 4400, 4500, 4200, 4300, 4400, 4200, 3900, 4100, 4000)),
            new OilSeries(2013, "Jet fuel", "2710", 1010, "7.88", YONHAP_JET,
                    "Jan–Sep 2013 359 t reported; monthly split illustrative", 9,
                    List.of("61 t", "0 t", "48 t", "77 t", "59 t", "0 t", "36000 kg", "0 t", "78 t",
                            "25 t", "0 t", "40 t")),
            new OilSeries(2014, "Jet fuel", "2710", 990, "7.88", YONHAP_JET,
                    "Jan–Sep 2014 13,000 t reported, mostly one shipment in March (NK News); monthly split illustrative", 9,
                    List.of("35 t", "0 t", "12702 t", "52000 kg", "28000 kg", "41 t", "0 t", "64 t", "78 t",
                            "120 t", "95 t", "150 t")),

            new OilSeries(2012, "Butane", "2711", 870, "11.6", NK_NEWS, ILLUSTRATIVE, 0,
                    tonnes(1380, 1290, 1420, 1450, 1360, 1310, 1270, 1340, 1400, 1460, 1510, 1530)),
            new OilSeries(2013, "Butane", "2711", 880, "11.6", NK_NEWS,
                    "Jan–May 2013 implied by the reported +28 % for Jan–May 2014; monthly split illustrative", 5,
                    tonnes(1480, 1420, 1610, 1690, 1610, 1550, 1500, 1580, 1640, 1700, 1760, 1820)),
            new OilSeries(2014, "Butane", "2711", 860, "11.6", NK_NEWS,
                    "Jan–May 2014 +28 % on Jan–May 2013 reported; quantities illustrative", 5,
                    tonnes(1890, 1850, 2040, 2120, 2100, 2060, 2010, 2090, 2150, 2230, 2310, 2380)),

            new OilSeries(2012, "Heavy fuel oil", "2710", 640, "6.66", NK_NEWS, ILLUSTRATIVE, 0,
                    List.of("26600 barrels", "25300 barrels", "27900 barrels", "28400 barrels", "26200 barrels",
                            "25100 barrels", "24800 barrels", "26900 barrels", "27300 barrels", "28100 barrels",
                            "29000 barrels", "29600 barrels")),
            new OilSeries(2013, "Heavy fuel oil", "2710", 650, "6.66", NK_NEWS, ILLUSTRATIVE, 0,
                    t(4420, 4280, 4610, 4550, 4390, 4470, 4330, 4520, 4680, 4740, 4810, 4900)),
            new OilSeries(2014, "Heavy fuel oil", "2710", 630, "6.66", NK_NEWS,
                    "Illustrative; chosen so that Jan–May 2014 refined products exceed the reported 88,000 t", 5,
                    t(4860, 4720, 5210, 5130, 5080, 5190, 5040, 5270, 5330, 5410, 5280, 5460)));

    static Path writeOil(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter("oil", "yyyy-mm-dd")) {
            w.widths(12, 16, 9, 12, 9, 13, 60, 70);
            w.title("DPRK oil imports from China, monthly (sample data)");
            w.note("Quantities in the unit of the source: t, kg or barrels. Dates are month ends. China's "
                    + "crude oil aid by pipeline is not in the customs data (Daily NK 2014-05-24).");
            w.header("Date", "Item", "HS code", "Quantity", "Unit", "Value (USD)", "Source", "Note");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int first = w.nextRow();
                for (Month month : Month.values()) {
                    YearMonth ym = YearMonth.of(year, month);
                    for (OilSeries s : OIL) {
                        if (s.year() != year) {
                            continue;
                        }
                        String[] quantityAndUnit = s.months().get(month.ordinal()).split(" ");
                        long quantity = Long.parseLong(quantityAndUnit[0]);
                        String unit = quantityAndUnit[1];
                        boolean reported = month.getValue() <= s.reportedMonths();
                        w.row(ym.atEndOfMonth(), s.item(), s.hs(), quantity, unit,
                                valueUsd(tonnes(quantity, unit, s.barrelsPerTonne()), s.usdPerTonne(), ym, OIL.indexOf(s)),
                                reported ? s.source() : "Illustrative (scale after " + s.source() + ")",
                                reported ? s.note() : ILLUSTRATIVE);
                    }
                }
                // Quantities are in mixed units, so only the dollar column has a meaningful total.
                w.total(first, new int[] {5}, "Sum", year + ", all products (USD)");
                w.blank();
            }
            return w.save(file);
        }
    }

    private static BigDecimal tonnes(long quantity, String unit, String barrelsPerTonne) {
        return switch (unit) {
            case "t", "tonnes" -> BigDecimal.valueOf(quantity);
            case "kg" -> BigDecimal.valueOf(quantity).movePointLeft(3);
            case "bbl", "barrels" -> BigDecimal.valueOf(quantity).divide(new BigDecimal(barrelsPerTonne), 6, RoundingMode.HALF_UP);
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    private static List<String> t(long... quantities) {
        return withUnit("t", quantities);
    }

    private static List<String> tonnes(long... quantities) {
        return withUnit("tonnes", quantities);
    }

    private static List<String> withUnit(String unit, long... quantities) {
        List<String> months = new ArrayList<>();
        for (long q : quantities) {
            months.add(q + " " + unit);
        }
        if (months.size() != 12) {
            throw new IllegalArgumentException("12 months expected, got " + months.size());
        }
        return List.copyOf(months);
    }

    // ---------------------------------------------------------------------------------------------
    // Labor
    // ---------------------------------------------------------------------------------------------

    private static final String KITA = "KITA via Yonhap 2014-11-11, \"Influx of N. Korean workers into China jumps 20 pct annually in 3 years\"";
    private static final String CONSUL = "Yonhap 2014-10-14, \"About 7,000 N. Koreans work in Chinese border cities: diplomat\"";
    private static final String DAILY_NK = "Daily NK via NKEW 2014-10-16, \"Rungra 88 Trading Company\"";

    private static final List<String> LOCATIONS = List.of("Dandong", "Yanbian", "Shenyang", "珲春");

    /**
     * Workers entering China per month (rows) and location (columns in {@link #LOCATIONS} order).
     * Reported are national totals only: 93,000 in 2013 (a record, +20 % a year: 2012 = 77,500) and
     * 44,000 in 2014 up to November. The split by month and location (40/30/18/12 %) and
     * December 2014 are illustrative.
     */
    private static final Map<Integer, long[][]> WORKERS_ENTERING = Map.of(
            2012, new long[][] {
                {2661, 1996, 1197, 798},
                {1863, 1397, 838, 559},
                {2395, 1796, 1078, 718},
                {2927, 2196, 1317, 878},
                {2927, 2196, 1317, 878},
                {2794, 2096, 1257, 838},
                {2661, 1996, 1197, 798},
                {2528, 1896, 1138, 758},
                {2661, 1996, 1197, 798},
                {2794, 2096, 1257, 838},
                {2661, 1996, 1197, 798},
                {2129, 1596, 958, 639}},
            2013, new long[][] {
                {3193, 2395, 1437, 958},
                {2235, 1676, 1006, 671},
                {2874, 2155, 1293, 862},
                {3512, 2634, 1581, 1054},
                {3512, 2634, 1581, 1054},
                {3353, 2514, 1509, 1006},
                {3193, 2395, 1437, 958},
                {3034, 2275, 1365, 910},
                {3193, 2395, 1437, 958},
                {3353, 2514, 1509, 1006},
                {3193, 2395, 1437, 958},
                {2554, 1916, 1150, 766}},
            2014, new long[][] {
                {1622, 1216, 730, 487},
                {1135, 852, 511, 341},
                {1460, 1095, 657, 438},
                {1785, 1338, 803, 535},
                {1785, 1338, 803, 535},
                {1703, 1277, 767, 511},
                {1622, 1216, 730, 487},
                {1541, 1156, 694, 462},
                {1622, 1216, 730, 487},
                {1703, 1277, 767, 511},
                {1622, 1216, 730, 487},
                {1440, 1080, 648, 432}});

    /**
     * A labor row other than the monthly entering counts: a headcount or a wage observation. Wages are
     * numbers or, where pasted from an article, text holding a number.
     */
    private record LaborObservation(YearMonth month, String location, Long employed, Object wage, Object wageLocal,
            String currency, String source, String note) {
    }

    private static final List<LaborObservation> LABOR_OBSERVATIONS = List.of(
            employed(2014, 3, "Dandong", 2300), employed(2014, 3, "Yanbian", 4200),
            employed(2014, 6, "Dandong", 2350), employed(2014, 6, "Yanbian", 4300),
            employed(2014, 9, "Dandong", 2450), employed(2014, 9, "Yanbian", 4400),
            new LaborObservation(YearMonth.of(2014, 10), "Dandong", 2500L, null, null, null, CONSUL,
                    "Estimate reported by the South Korean consul general in Shenyang"),
            new LaborObservation(YearMonth.of(2014, 10), "Yanbian", 4500L, null, null, null, CONSUL,
                    "Estimate reported by the South Korean consul general in Shenyang"),
            new LaborObservation(YearMonth.of(2013, 12), "Dandong", null, 238L, 403L, "USD", KITA,
                    "Reported US$238–256 a month; local wage converted from 440,000 KRW at the reported rate; "
                            + "month and location illustrative"),
            new LaborObservation(YearMonth.of(2013, 12), "Yanbian", null, 256L, 485L, "USD", KITA,
                    "Reported US$238–256 a month; local wage converted from 530,000 KRW at the reported rate; "
                            + "month and location illustrative"),
            new LaborObservation(YearMonth.of(2014, 10), "Sunchon (Rungra 88)", null, 20_000L, 200_000L, "KPW", DAILY_NK,
                    "Garment line, about 150 workers, against about 200,000 KPW at breweries or bakeries; "
                            + "no KPW exchange rate is configured by default, so this row draws a warning (intended)"),
            wage(2014, 11, "Dandong", 260_000, 440_000),
            wage(2014, 11, "Yanbian", 270_000, 480_000),
            wage(2014, 11, "Shenyang", 280_000, 530_000));

    private static LaborObservation employed(int year, int month, String location, long workers) {
        return new LaborObservation(YearMonth.of(year, month), location, workers, null, null, null,
                "Illustrative (scale after " + CONSUL + ")", ILLUSTRATIVE);
    }

    /** KRW wages written as text with thousands separators, as pasted from the article. */
    private static LaborObservation wage(int year, int month, String location, long wage, long wageLocal) {
        return new LaborObservation(YearMonth.of(year, month), location, null,
                String.format(Locale.ROOT, "%,d", wage), String.format(Locale.ROOT, "%,d", wageLocal), "KRW", KITA,
                "Reported 260,000–280,000 KRW against 440,000–530,000 KRW for a Chinese worker; "
                        + "assignment to location illustrative; wages pasted as text");
    }

    static Path writeLabor(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter("labor", "mmm yyyy")) {
            w.widths(10, 20, 17, 17, 10, 13, 10, 60, 70);
            w.title("DPRK workers in China: entries, headcounts and monthly wages (sample data)");
            w.note("Workers entering: national totals reported by KITA, split by month and location for "
                    + "illustration. Wages per worker per month; Wage (local) is a local worker's wage in the same job.");
            w.header("Month", "Location", "Workers entering", "Workers employed", "Wage", "Wage (local)",
                    "Currency", "Source", "Note");
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int first = w.nextRow();
                for (Month month : Month.values()) {
                    YearMonth ym = YearMonth.of(year, month);
                    for (int l = 0; l < LOCATIONS.size(); l++) {
                        boolean reported = year == 2012 || year == 2013 || month.getValue() <= 11;
                        w.row(ym.atDay(1), LOCATIONS.get(l), WORKERS_ENTERING.get(year)[month.ordinal()][l],
                                null, null, null, null,
                                reported ? KITA : "Illustrative (scale after " + KITA + ")",
                                reported ? enteringNote(year) : ILLUSTRATIVE);
                    }
                    for (LaborObservation o : LABOR_OBSERVATIONS) {
                        if (o.month().equals(ym)) {
                            w.row(ym.atDay(1), o.location(), null, o.employed(), o.wage(), o.wageLocal(),
                                    o.currency(), o.source(), o.note());
                        }
                    }
                }
                w.total(first, new int[] {2}, "Total", year + ", all locations");
                w.blank();
            }
            return w.save(file);
        }
    }

    private static String enteringNote(int year) {
        return switch (year) {
            case 2012 -> "2012 total 77,500 implied by 93,000 in 2013 at +20 % a year; split by month and location illustrative";
            case 2013 -> "2013 total 93,000 reported; split by month and location illustrative";
            default -> "Jan–Nov 2014 total 44,000 reported; split by month and location illustrative";
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Shared
    // ---------------------------------------------------------------------------------------------

    /**
     * A plausible value in whole dollars: tonnes × unit value, moved by up to ±5 % by a fixed pattern
     * over months and categories, so that unit values vary a little without any randomness.
     */
    static long valueUsd(BigDecimal tonnes, int usdPerTonne, YearMonth month, int category) {
        int monthIndex = (month.getYear() - FIRST_YEAR) * 12 + month.getMonthValue() - 1;
        int wobblePct = Math.floorMod(monthIndex * 7 + category * 3, 11) - 5;
        return tonnes.multiply(BigDecimal.valueOf((long) usdPerTonne * (100 + wobblePct)))
                .movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Writes one sheet top to bottom; styles created once per workbook. Not thread-safe. */
    private static final class SheetWriter implements AutoCloseable {

        private final XSSFWorkbook workbook = new XSSFWorkbook();
        private final XSSFSheet sheet;
        private final CellStyle titleStyle;
        private final CellStyle headerStyle;
        private final CellStyle dateStyle;
        private final CellStyle numberStyle;
        private final CellStyle totalStyle;
        private int next;

        SheetWriter(String sheetName, String dateFormat) {
            sheet = workbook.createSheet(sheetName);
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            titleStyle = workbook.createCellStyle();
            titleStyle.setFont(large);
            headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            dateStyle = workbook.createCellStyle();
            if (dateFormat != null) {
                dateStyle.setDataFormat(workbook.createDataFormat().getFormat(dateFormat));
            }
            numberStyle = workbook.createCellStyle();
            numberStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            totalStyle = workbook.createCellStyle();
            totalStyle.cloneStyleFrom(numberStyle);
            totalStyle.setFont(bold);
        }

        int nextRow() {
            return next;
        }

        /** Column widths in characters (fixed: auto-sizing would depend on the fonts installed). */
        void widths(int... characters) {
            for (int c = 0; c < characters.length; c++) {
                sheet.setColumnWidth(c, characters[c] * 256);
            }
        }

        void title(String text) {
            sheet.createRow(next++).createCell(0).setCellValue(text);
            sheet.getRow(next - 1).getCell(0).setCellStyle(titleStyle);
        }

        void note(String text) {
            sheet.createRow(next++).createCell(0).setCellValue(text);
            blank();
        }

        void header(String... names) {
            XSSFRow row = sheet.createRow(next++);
            for (int c = 0; c < names.length; c++) {
                XSSFCell cell = row.createCell(c);
                cell.setCellValue(names[c]);
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, next);
        }

        void blank() {
            next++;
        }

        /** One data row; {@code null} leaves the cell out, as an empty cell in a hand-made sheet. */
        void row(Object... values) {
            XSSFRow row = sheet.createRow(next++);
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null) {
                    continue;
                }
                XSSFCell cell = row.createCell(c);
                if (v instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(dateStyle);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    cell.setCellStyle(numberStyle);
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }

        /**
         * A total row under the rows from {@code firstRow} (0-based) to the last written one: the
         * {@code labels} in the first columns (the month column's reads Total, Sum or Subtotal), a SUM
         * formula in each of {@code sumColumns}.
         */
        void total(int firstRow, int[] sumColumns, String... labels) {
            int lastRow = next - 1;
            XSSFRow row = sheet.createRow(next++);
            for (int c = 0; c < labels.length; c++) {
                row.createCell(c).setCellValue(labels[c]);
                row.getCell(c).setCellStyle(headerStyle);
            }
            for (int c : sumColumns) {
                String col = CellReference.convertNumToColString(c);
                XSSFCell cell = row.createCell(c);
                cell.setCellFormula("SUM(" + col + (firstRow + 1) + ":" + col + (lastRow + 1) + ")");
                cell.setCellStyle(totalStyle);
            }
        }

        Path save(Path file) throws IOException {
            // Cached results, so readers that do not recalculate still see the totals.
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
            Date fixed = Date.from(DOCUMENT_DATE.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setCreator("briefing SampleWorkbooks");
            core.setTitle(sheet.getRow(0).getCell(0).getStringCellValue());
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            workbook.write(buffer);
            // POI stamps each zip entry with the current time; copy the entries with a fixed one so
            // that regenerating the samples gives byte-identical files (clean diffs in git).
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(buffer.toByteArray()));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTimeLocal(DOCUMENT_DATE.atStartOfDay());
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            return file;
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }
}
