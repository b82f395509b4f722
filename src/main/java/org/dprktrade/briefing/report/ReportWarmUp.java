package org.dprktrade.briefing.report;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.indicators.IndicatorCalculator;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.TradeRecord;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.csv.IndicatorsCsvWriter;
import org.dprktrade.briefing.report.pdf.PdfBriefingWriter;
import org.dprktrade.briefing.report.xlsx.WorkbookWriter;

/**
 * Writes a tiny briefing to nowhere on a background thread while the application starts, so that the
 * first real report does not pay for loading POI, OpenPDF, JFreeChart, AWT and the 5 MB font (over a
 * second of a short run). Uses the second core, which start-up leaves idle; any failure is ignored: the
 * real run will meet and report it.
 */
public final class ReportWarmUp {

    private ReportWarmUp() {
    }

    public static void start() {
        Thread thread = new Thread(ReportWarmUp::writeTinyBriefing, "report-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void writeTinyBriefing() {
        try {
            Quarter period = Quarter.parse("2014-Q3");
            TradeFigures grain = new TradeFigures(Dataset.GRAIN);
            grain.add(new TradeRecord(YearMonth.of(2014, 7), "rice", BigDecimal.TEN, BigDecimal.ONE, "", "", 2));
            Map<Dataset, TradeFigures> trade = Map.of(Dataset.GRAIN, grain);
            LaborFigures labor = new LaborFigures();
            Briefing briefing = new Briefing(period, 0, OffsetDateTime.now(),
                    IndicatorCalculator.compute(period, trade, labor, LocalDate.of(2015, 1, 1)), List.of(), trade,
                    labor, List.of(), List.of(), Map.of());
            new IndicatorsCsvWriter().write(briefing, OutputStream.nullOutputStream());
            new WorkbookWriter().write(briefing, OutputStream.nullOutputStream());
            new PdfBriefingWriter().write(briefing, OutputStream.nullOutputStream());
        } catch (Exception | LinkageError e) {
            // nothing to do: this was only ever a head start
        }
    }
}
