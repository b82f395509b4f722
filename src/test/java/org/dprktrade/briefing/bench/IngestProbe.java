package org.dprktrade.briefing.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.aggregate.TradeMonth;
import org.dprktrade.briefing.ingest.AcceptedRow;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.ingest.TradeRecord;
import org.dprktrade.briefing.ingest.WorkbookStream;
import org.dprktrade.briefing.period.Quarter;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Child process of the benchmark and of the flat-memory test: reads one grain workbook to totals per
 * quarter and commodity, then prints one line {@code rows=… millis=… peakHeapBytes=…} and the totals
 * (one line {@code total <quarter> <commodity> <rows> <tonnes> <usd>} each). Its heap limit is whatever
 * {@code -Xmx} the parent gave it; running out of memory ends it with a non-zero exit code.
 *
 * <p>Modes: {@code ingest} (the product's {@link WorkbookStream} summed into {@link TradeFigures}, as the
 * job does) and {@code poi-sax} (POI's own streaming reader, {@link XSSFSheetXMLHandler} with its
 * read-only shared strings table: the baseline anyone would pick).
 */
public final class IngestProbe {

    private IngestProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        Map<Quarter, Map<String, long[]>> ignoredForPoi = null;
        Map<Quarter, Map<String, Sum>> totals;
        long rows;
        switch (mode) {
            case "ingest" -> {
                TradeFigures figures = new TradeFigures(Dataset.GRAIN);
                long accepted = 0;
                try (WorkbookStream stream = WorkbookStream.open(file, Dataset.GRAIN, IngestProperties.defaults(),
                        p -> { })) {
                    AcceptedRow row;
                    while ((row = stream.next()) != null) {
                        figures.add((TradeRecord) row);
                        accepted++;
                    }
                }
                rows = accepted;
                totals = quarterly(figures);
            }
            case "poi-sax" -> {
                PoiSum sum = new PoiSum();
                readWithPoi(file, sum);
                rows = sum.rows;
                totals = sum.totals;
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("rows=" + rows + " millis=" + millis + " peakHeapBytes=" + peakHeapBytes());
        totals.forEach((q, byCommodity) -> byCommodity.forEach((c, s) -> System.out.println(
                String.format(Locale.ROOT, "total %s %s %d %s %s", q, c, s.rows, s.quantity.stripTrailingZeros().toPlainString(),
                        s.value.stripTrailingZeros().toPlainString()))));
    }

    /** Sum of the peak usage of every heap pool: an upper bound of what the heap held at any time. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static final class Sum {
        long rows;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;

        void add(long rows, BigDecimal quantity, BigDecimal value) {
            this.rows += rows;
            this.quantity = this.quantity.add(quantity);
            this.value = value == null ? this.value : this.value.add(value);
        }
    }

    private static Map<Quarter, Map<String, Sum>> quarterly(TradeFigures figures) {
        Map<Quarter, Map<String, Sum>> totals = new TreeMap<>();
        for (String category : figures.categories()) {
            for (Map.Entry<YearMonth, TradeMonth> e : figures.monthsOf(category).entrySet()) {
                TradeMonth m = e.getValue();
                totals.computeIfAbsent(Quarter.of(e.getKey()), q -> new TreeMap<>())
                        .computeIfAbsent(category, c -> new Sum())
                        .add(m.rows(), m.quantityT(), m.valueUsd());
            }
        }
        return totals;
    }

    // ---- baseline -------------------------------------------------------------------------------

    private static void readWithPoi(Path file, PoiSum sum) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader reader = new XSSFReader(pkg);
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            XMLReader xml = factory.newSAXParser().getXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, sum,
                    new DataFormatter(Locale.ROOT), false));
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            try (InputStream sheet = sheets.next()) {
                xml.parse(new InputSource(sheet));
            }
        }
    }

    /** Sums rows below the header as formatted by POI: month {@code yyyy-mm}, numbers as General. */
    private static final class PoiSum implements XSSFSheetXMLHandler.SheetContentsHandler {
        final Map<Quarter, Map<String, Sum>> totals = new TreeMap<>();
        long rows;
        private String month;
        private String commodity;
        private String quantity;
        private String value;

        @Override
        public void startRow(int rowNum) {
            month = commodity = quantity = value = null;
        }

        @Override
        public void endRow(int rowNum) {
            if (rowNum == 0 || month == null) {
                return;
            }
            rows++;
            totals.computeIfAbsent(Quarter.of(YearMonth.parse(month)), q -> new TreeMap<>())
                    .computeIfAbsent(commodity, c -> new Sum())
                    .add(1, new BigDecimal(quantity), new BigDecimal(value));
        }

        @Override
        public void cell(String ref, String formatted, XSSFComment comment) {
            switch (ref.charAt(0)) {
                case 'A' -> month = formatted;
                case 'B' -> commodity = formatted;
                case 'C' -> quantity = formatted;
                case 'D' -> value = formatted;
                default -> { }
            }
        }
    }
}
