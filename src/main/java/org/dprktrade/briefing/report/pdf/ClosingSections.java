package org.dprktrade.briefing.report.pdf;

import static org.dprktrade.briefing.indicators.IndicatorName.*;
import static org.dprktrade.briefing.report.pdf.PdfBriefingWriter.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ListItem;
import com.lowagie.text.pdf.PdfPTable;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.report.Formats;
import org.dprktrade.briefing.ingest.InputSummary;

/** The briefing's last sections: data quality (counts per file, the first problems) and sources. */
class ClosingSections extends PdfPage {

    ClosingSections(PdfPage page) {
        super(page);
    }

    void dataQuality() throws DocumentException {
        heading(DATA_QUALITY);
        List<RowProblem> problems = briefing.problems();
        Map<String, String> datasetOf = new LinkedHashMap<>();
        Map<String, long[]> perFile = new LinkedHashMap<>();
        for (InputSummary s : briefing.inputs()) {
            datasetOf.put(s.file(), s.dataset().id());
            perFile.put(s.file(), new long[] {s.rowsRead(), s.rowsAccepted(), s.rowsRejected(), s.warnings()});
        }
        for (RowProblem p : problems) {
            // Files that failed before a summary was made still get their counts.
            if (!datasetOf.containsKey(p.file())) {
                perFile.computeIfAbsent(p.file(), f -> new long[] {-1, -1, 0, 0})[p.isError() ? 2 : 3]++;
            }
        }
        long rejected = perFile.values().stream().mapToLong(c -> c[2]).sum();
        long warnings = perFile.values().stream().mapToLong(c -> c[3]).sum();
        document.add(paragraph(Formats.count(rejected) + (rejected == 1 ? " row was" : " rows were")
                + " rejected and " + Formats.count(warnings) + (warnings == 1 ? " warning was" : " warnings were")
                + " raised while reading the inputs. Rejected rows are left out of every figure; rows with a "
                + "warning are kept.", fonts.body(), 0, 3));
        if (!perFile.isEmpty()) {
            PdfPTable table = table(new float[] {1.1f, 1.8f, 1, 1, 1, 1});
            table.addCell(headerCell("dataset", Element.ALIGN_LEFT));
            table.addCell(headerCell("file", Element.ALIGN_LEFT));
            for (String h : List.of("rows read", "accepted", "rejected", "warnings")) {
                table.addCell(headerCell(h, Element.ALIGN_RIGHT));
            }
            perFile.forEach((file, c) -> {
                table.addCell(cell(datasetOf.getOrDefault(file, ""), fonts.table(), Element.ALIGN_LEFT));
                table.addCell(cell(file, fonts.table(), Element.ALIGN_LEFT));
                for (int i = 0; i < c.length; i++) {
                    long n = c[i];
                    boolean flag = i >= 2 && n > 0;
                    table.addCell(cell(n < 0 ? "" : Formats.count(n), flag ? fonts.tableBold() : fonts.table(),
                            Element.ALIGN_RIGHT));
                }
            });
            document.add(table);
        }
        if (problems.isEmpty()) {
            return;
        }
        String where = "the workbook's Data quality sheet and data-quality-" + briefing.period() + ".csv";
        document.add(paragraph(problems.size() <= PROBLEMS_LISTED
                ? "All " + Formats.count(problems.size()) + (problems.size() == 1 ? " problem" : " problems")
                        + " (also in " + where + "):"
                : "The first " + PROBLEMS_LISTED + " of " + Formats.count(problems.size())
                        + " problems; the rest are in " + where + ":",
                fonts.body(), 8, 3));
        PdfPTable table = table(new float[] {1.6f, 0.5f, 1.1f, 0.8f, 3f, 1.6f});
        for (String h : List.of("file", "row", "column", "severity", "problem", "value")) {
            table.addCell(headerCell(h, h.equals("row") ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
        }
        for (RowProblem p : problems.subList(0, Math.min(PROBLEMS_LISTED, problems.size()))) {
            table.addCell(cell(p.file() + (p.sheet().isEmpty() ? "" : " / " + p.sheet()), fonts.table(), Element.ALIGN_LEFT));
            table.addCell(cell(p.row() == 0 ? "" : Long.toString(p.row()), fonts.table(), Element.ALIGN_RIGHT));
            table.addCell(cell(p.column(), fonts.table(), Element.ALIGN_LEFT));
            table.addCell(cell(p.severity().label(), p.isError() ? fonts.tableBold() : fonts.table(), Element.ALIGN_LEFT));
            table.addCell(cell(p.problem(), fonts.table(), Element.ALIGN_LEFT));
            table.addCell(cell(shortened(p.value(), 200), fonts.table(), Element.ALIGN_LEFT));
        }
        document.add(table);
    }

    void sources() throws DocumentException {
        heading(SOURCES);
        com.lowagie.text.List list = bullets();
        for (Dataset dataset : briefing.datasets()) {
            List<String> sources = briefing.sources().getOrDefault(dataset, List.of());
            if (!sources.isEmpty()) {
                ListItem item = new ListItem();
                item.add(new Chunk(dataset.title() + ": ", fonts.subheading()));
                item.add(text(String.join("; ", sources), fonts.body()));
                list.add(item);
            }
        }
        if (list.isEmpty()) {
            list.add(new ListItem("The input workbooks name no sources.", fonts.body()));
        }
        briefing.leftOut().forEach((dataset, file) -> {
            ListItem item = new ListItem();
            item.add(new Chunk(dataset.title() + ": ", fonts.subheading()));
            item.add(text(file + " was not found; this optional dataset is left out of the briefing.", fonts.body()));
            list.add(item);
        });
        document.add(list);
        if (!briefing.inputs().isEmpty()) {
            document.add(paragraph("Input files read (SHA-256):", fonts.small(), 6, 2));
            for (InputSummary s : briefing.inputs()) {
                document.add(paragraph(s.file() + ", sheet " + s.sheet() + ": " + s.sha256(), fonts.smallGrey(), 0, 0));
            }
        }
    }

}
