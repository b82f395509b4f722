package org.dprktrade.briefing.report.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.report.Briefing;

/**
 * Writes {@code data-quality-<period>.csv}: header {@code file,sheet,row,column,severity,problem,value}
 * and one record per rejected row or warning, in the briefing's order. {@code row} is the 1-based row
 * a spreadsheet shows, empty for a problem of the whole file. Every text field may carry input text,
 * so each is neutralised against formula injection. UTF-8 without BOM, CRLF line ends. Stateless and
 * thread-safe.
 */
public final class DataQualityCsvWriter {

    public static final String HEADER = "file,sheet,row,column,severity,problem,value";

    public void write(Briefing briefing, OutputStream stream) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write(CsvLine.EOL);
        for (RowProblem p : briefing.problems()) {
            CsvLine.write(out, CsvLine.neutralise(p.file()), CsvLine.neutralise(p.sheet()),
                    p.row() == 0 ? "" : Long.toString(p.row()), CsvLine.neutralise(p.column()),
                    p.severity().label(), CsvLine.neutralise(p.problem()), CsvLine.neutralise(p.value()));
        }
        out.flush();
    }
}
