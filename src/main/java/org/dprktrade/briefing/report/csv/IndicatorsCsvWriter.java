package org.dprktrade.briefing.report.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.Formats;

/**
 * Writes {@code indicators-<period>.csv}: header {@code period,dataset,category,indicator,value,unit}
 * and one record per indicator in {@code QuarterIndicators} order. Values are plain decimals
 * ({@link Formats#plain}), empty where undefined. A last record {@code <period>,all,all,provisional,1,flag}
 * (or {@code 0} when final) carries the provisional mark every output carries (docs/outputs.md).
 * UTF-8 without BOM, CRLF line ends (RFC 4180).
 * Stateless and thread-safe.
 */
public final class IndicatorsCsvWriter {

    public static final String HEADER = "period,dataset,category,indicator,value,unit";

    public void write(Briefing briefing, OutputStream stream) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write(CsvLine.EOL);
        String period = briefing.period().toString();
        for (Indicator i : briefing.indicators().indicators()) {
            // The value is computed, never neutralised: "-12.5" must stay a number.
            CsvLine.write(out, period, i.dataset().id(), CsvLine.neutralise(i.category()), i.name().id(),
                    Formats.plain(i.value()), i.name().unit());
        }
        CsvLine.write(out, period, "all", "all", "provisional", briefing.provisional() ? "1" : "0", "flag");
        out.flush();
    }
}
