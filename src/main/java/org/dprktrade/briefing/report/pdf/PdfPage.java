package org.dprktrade.briefing.report.pdf;

import static org.dprktrade.briefing.indicators.IndicatorName.*;
import static org.dprktrade.briefing.report.pdf.PdfBriefingWriter.*;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.ListItem;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.Formats;
import org.dprktrade.briefing.report.chart.TradeCharts;
import org.jfree.chart.JFreeChart;

/**
 * The document being written and the building blocks every section uses: headings (also bookmarks),
 * paragraphs, tables and cells in the briefing's styles, the figures tables and the charts. The
 * sections extend it. Not thread-safe: one per document.
 */
class PdfPage {


    final Document document;
    final PdfWriter writer;
    final Briefing briefing;
    final QuarterIndicators indicators;
    final Fonts fonts;
    final EmbeddedFont font;
    final int chartQuarters;


    PdfPage(Document document, PdfWriter writer, Briefing briefing, Fonts fonts, EmbeddedFont font, int chartQuarters) {
        this.document = document;
        this.writer = writer;
        this.briefing = briefing;
        this.indicators = briefing.indicators();
        this.fonts = fonts;
        this.font = font;
        this.chartQuarters = chartQuarters;
    }

    /** A section writing on the same page as {@code page}. */
    PdfPage(PdfPage page) {
        this(page.document, page.writer, page.briefing, page.fonts, page.font, page.chartQuarters);
    }

    /** Categories down, indicators across; the total row first, bold and shaded. */
    PdfPTable figuresTable(Dataset dataset, List<String> categories, String firstHeader, List<Column> columns)
            throws DocumentException {
        float[] widths = new float[columns.size() + 1];
        widths[0] = 1.5f;
        for (int c = 0; c < columns.size(); c++) {
            widths[c + 1] = columns.get(c).width();
        }
        PdfPTable table = table(widths);
        table.addCell(headerCell(firstHeader, Element.ALIGN_LEFT));
        columns.forEach(c -> table.addCell(headerCell(c.header(), Element.ALIGN_RIGHT)));
        for (String category : categories) {
            boolean all = Indicator.ALL.equals(category);
            Font f = all ? fonts.tableBold() : fonts.table();
            PdfPCell first = cell(briefing.displayName(dataset, category), f, Element.ALIGN_LEFT);
            shade(first, all);
            table.addCell(first);
            for (Column c : columns) {
                PdfPCell cell = figure(dataset, category, c.name(), f);
                shade(cell, all);
                table.addCell(cell);
            }
        }
        return table;
    }

    /**
     * One indicator as a right-aligned cell: blank where the indicator does not apply (the share of
     * the total), {@code n/a} where it is undefined, a change with its arrow and sign.
     */
    PdfPCell figure(Dataset dataset, String category, IndicatorName name, Font f) {
        Optional<Indicator> found = indicators.find(dataset, category, name);
        if (found.isEmpty()) {
            return cell("", f, Element.ALIGN_RIGHT);
        }
        BigDecimal value = found.get().value();
        if (value == null) {
            return cell(Formats.NOT_AVAILABLE, fonts.tableGrey(), Element.ALIGN_RIGHT);
        }
        if (!Formats.isChange(name)) {
            String text = name.isPercentage() ? Formats.number(value, 1) : Formats.display(value, name);
            return cell(text, f, Element.ALIGN_RIGHT);
        }
        Phrase phrase = new Phrase();
        int sign = Formats.roundedSign(value, 1);
        if (sign != 0) {
            phrase.add(new Chunk((sign > 0 ? ARROW_UP : ARROW_DOWN) + " ",
                    new Font(f.getBaseFont(), f.getSize(), Font.NORMAL, sign > 0 ? UP : DOWN)));
        }
        phrase.add(new Chunk(Formats.signed(value, 1), f));
        return cell(phrase, Element.ALIGN_RIGHT);
    }

    static void shade(PdfPCell cell, boolean total) {
        if (total) {
            cell.setBackgroundColor(TOTAL_FILL);
        }
    }

    /** The two charts of a dataset side by side in one vector drawing. */
    void charts(JFreeChart bars, JFreeChart pie) throws DocumentException {
        float width = document.right() - document.left();
        PdfTemplate template = writer.getDirectContent().createTemplate(width, CHART_HEIGHT);
        Graphics2D g = template.createGraphics(width, CHART_HEIGHT, font.mapper());
        try {
            float barsWidth = width * BARS_SHARE;
            TradeCharts.draw(bars, g, new Rectangle2D.Double(0, 0, barsWidth, CHART_HEIGHT));
            TradeCharts.draw(pie, g, new Rectangle2D.Double(barsWidth, 0, width - barsWidth, CHART_HEIGHT));
        } finally {
            g.dispose();
        }
        Image image = Image.getInstance(template);
        image.setSpacingBefore(6);
        image.setSpacingAfter(4);
        document.add(image);
    }


    /** A section heading, also a bookmark, so a reader can jump to it from the viewer's outline. */
    void heading(String text) throws DocumentException {
        // A heading alone at the foot of a page reads as a layout fault: start a new page instead.
        if (space() < MIN_SPACE_AFTER_HEADING) {
            document.newPage();
        }
        Paragraph p = paragraph(text, fonts.heading(), 12, 4);
        p.setKeepTogether(true);
        document.add(p);
        float top = writer.getVerticalPosition(false) + fonts.heading().getSize() + 8;
        new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.FITH, top), text);
    }

    /** Points left on the current page. */
    float space() {
        return writer.getVerticalPosition(true) - document.bottom();
    }

    float height(PdfPTable table) {
        table.setTotalWidth(document.right() - document.left());
        table.setLockedWidth(false);
        return table.calculateHeights(true);
    }

    ListItem listItem(String text) {
        ListItem item = new ListItem(text(text, fonts.body()));
        item.setSpacingAfter(2);
        return item;
    }

    Paragraph paragraph(String text, Font f, float before, float after) {
        Paragraph p = new Paragraph(text(text, f));
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    com.lowagie.text.List bullets() {
        com.lowagie.text.List list = new com.lowagie.text.List(false, 10);
        list.setListSymbol(new Chunk("\u2022", fonts.body()));
        return list;
    }

    /** A full-width table whose first row is a header repeated on every page it spans. */
    static PdfPTable table(int columns) {
        return withDefaults(new PdfPTable(columns));
    }

    static PdfPTable table(float[] relativeWidths) {
        return withDefaults(new PdfPTable(relativeWidths));
    }

    static PdfPTable withDefaults(PdfPTable table) {
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(3);
        table.setSpacingAfter(2);
        return table;
    }

    PdfPCell headerCell(String text, int align) {
        PdfPCell c = cell(text, fonts.tableHeader(), align);
        c.setBackgroundColor(HEADER_FILL);
        c.setVerticalAlignment(Element.ALIGN_BOTTOM);
        return c;
    }

    PdfPCell cell(String text, Font f, int align) {
        return cell(text(text, f), align);
    }

    /**
     * The one way text reaches the page: cleaned for a cell and set glyph by glyph in the first
     * bundled face that has it, so characters from the inputs (supplementary-plane ideographs,
     * emoji) are neither dropped nor lost silently.
     */
    Phrase text(String text, Font f) {
        return font.phrase(Formats.cellText(text), f);
    }

    PdfPCell cell(Phrase phrase, int align) {
        PdfPCell c = new PdfPCell(phrase);
        c.setHorizontalAlignment(align);
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
        c.setPaddingTop(2);
        c.setPaddingBottom(3);
        return c;
    }

    static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a supplementary character into a lone surrogate
        }
        return text.substring(0, cut) + "\u2026";
    }
}
