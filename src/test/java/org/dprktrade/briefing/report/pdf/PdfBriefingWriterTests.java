package org.dprktrade.briefing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dprktrade.briefing.report.SampleBriefing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfBriefingWriterTests {

    private static byte[] pdf;
    private static String text;
    private static int pages;

    @BeforeAll
    static void writeAndExtract() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfBriefingWriter().write(SampleBriefing.briefing(), out);
        pdf = out.toByteArray();
        String keep = System.getProperty("briefing.test.keepPdf");
        if (keep != null) {
            Files.write(Path.of(keep), pdf); // for looking at it: -Dbriefing.test.keepPdf=/tmp/x.pdf
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
            text = new PDFTextStripper().getText(document);
        }
    }

    @Test
    void hasTheTitleWithPeriodAndTheProvisionalMarkWithItsReason() {
        assertThat(text).contains("DPRK–China trade: quarterly briefing, 2014-Q3");
        assertThat(text).contains("PROVISIONAL");
        assertThat(text).contains("fertilizer: 2 of 3 months reported");
        assertThat(text).contains("Generated 2014-10-10 06:00 +09:00, run 42");
    }

    @Test
    void formatsKeyFiguresWithThousandsSeparatorsPercentagesAndNotAvailable() {
        assertThat(text).contains("54,893");
        assertThat(text).contains("46.6%");
        assertThat(text).contains("-12.5%");
        assertThat(text).contains("12.35"); // USD per t, two decimals
        assertThat(text).contains("n/a");
    }

    @Test
    void writesKeyDevelopmentsAsSentences() {
        assertThat(text).contains(SampleBriefing.KEY_DEVELOPMENTS.get(0)).contains(SampleBriefing.KEY_DEVELOPMENTS.get(1));
    }

    @Test
    void extractsKoreanAndChineseTextFromTheEmbeddedFont() {
        assertThat(text).contains(SampleBriefing.KOREAN);
        assertThat(text).contains(SampleBriefing.CHINESE + " (Dandong) city statistics");
    }

    @Test
    void listsDataQualityProblemsAndSources() {
        assertThat(text).contains("not a month");
        assertThat(text).contains(SampleBriefing.INJECTION);
        assertThat(text).contains("KITA; Chinese customs (monthly split illustrative)");
    }

    @Test
    void numbersEveryPageAgainstTheTotal() {
        assertThat(pages).isGreaterThan(1);
        assertThat(text).contains("page 1 of " + pages);
        assertThat(text).contains("page " + pages + " of " + pages);
        assertThat(text).contains("run 42");
    }

    @Test
    void embedsEveryFontItUses() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }
}
