package org.dprktrade.briefing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.ingest.Severity;
import org.dprktrade.briefing.ingest.TradeRecord;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.SampleBriefing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reads the briefing of {@link SampleBriefing} back with PDFBox. {@code text} is extracted in content
 * order (sentences come out whole); {@code lines} sorted by position, so that a table row reads as one
 * line, left to right, as a reader sees it.
 */
class PdfBriefingWriterTests {

    /** The sections, in reading order: the golden layout. */
    private static final List<String> SECTIONS = List.of("Key developments", "The quarter at a glance", "Grain",
            "Fertilizer", "Oil", "Labor", "Data quality", "Sources");

    private static byte[] pdf;
    private static String text;
    private static List<String> lines;
    private static int pages;

    @BeforeAll
    static void writeAndExtract() throws IOException {
        pdf = write(SampleBriefing.briefing(), new PdfBriefingWriter());
        String keep = System.getProperty("briefing.test.keepPdf");
        if (keep != null) {
            Files.write(Path.of(keep), pdf); // for looking at it: -Dbriefing.test.keepPdf=/tmp/x.pdf
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
            text = new PDFTextStripper().getText(document);
            lines = Arrays.stream(text(document).split("\\R")).map(String::strip).toList();
        }
    }

    @Nested
    class FirstPage {

        @Test
        void hasTheTitleWithPeriodTheGenerationTimeAndTheProvisionalBannerWithItsReason() throws IOException {
            String first = firstPage();
            assertThat(first).contains("DPRK–China trade: quarterly briefing, 2014-Q3");
            assertThat(first).contains("Generated 2014-10-10 06:00 +09:00, run 42");
            assertThat(first).contains("PROVISIONAL figures may change when the missing months are reported: "
                    + "fertilizer: 2 of 3 months reported");
        }

        @Test
        void marksARevisionOnPageOneAndAFirstBriefingNot() throws IOException {
            Briefing b = SampleBriefing.briefing();
            Briefing revised = new Briefing(b.period(), b.runId(), b.generatedAt(), b.indicators(),
                    b.keyDevelopments(), b.trade(), b.labor(), b.problems(), b.inputs(), b.sources(),
                    "Revision 2 — replaces the briefing sent 2015-01-10");

            try (PDDocument document = Loader.loadPDF(write(revised, new PdfBriefingWriter()))) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setEndPage(1);
                assertThat(stripper.getText(document)).contains("Revision 2 — replaces the briefing sent 2015-01-10");
            }
            assertThat(text).doesNotContain("Revision");
        }

        @Test
        void writesTheKeyDevelopmentsAsGivenOnPageOne() throws IOException {
            assertThat(firstPage()).contains(SampleBriefing.KEY_DEVELOPMENTS.get(0), SampleBriefing.KEY_DEVELOPMENTS.get(1));
        }

        @Test
        void summarisesEachDatasetAtAGlance() {
            // quantity, change on quarter, change on year, months reported of grain's total.
            assertThat(lines).contains("Grain tonnes 54,893 ▲ +103.3 ▼ -12.5 3");
            assertThat(lines).contains("Fertilizer tonnes no figures for 2014-Q3");
            assertThat(lines).contains("Labor workers entering 11,000");
            assertThat(lines).contains("Oil tonnes 1,501"); // 1,500.5 t rounds half up
        }

        @Test
        void saysNothingProvisionalForAFinalQuarter() throws IOException {
            Briefing b = SampleBriefing.briefing();
            var finalIndicators = new org.dprktrade.briefing.indicators.QuarterIndicators(b.period(),
                    b.indicators().indicators(), List.of());
            Briefing finalBriefing = new Briefing(b.period(), b.runId(), b.generatedAt(), finalIndicators,
                    b.keyDevelopments(), b.trade(), b.labor(), b.problems(), b.inputs(), b.sources());
            try (PDDocument document = Loader.loadPDF(write(finalBriefing, new PdfBriefingWriter()))) {
                assertThat(text(document)).doesNotContain("PROVISIONAL");
            }
        }

        private static String firstPage() throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setEndPage(1);
                return stripper.getText(document).replaceAll("\\s+", " ");
            }
        }
    }

    @Nested
    class KeyFigures {

        @Test
        void showsEachDatasetsTotalRowFormattedWithArrowsAndSigns() {
            // total: quantity, value, qoq +103.307 → +103.3 ▲, yoy -12.5 ▼, months reported; share and unit value blank.
            assertThat(lines).contains("total 54,893 10,500,000 ▲ +103.3 ▼ -12.5 3");
            assertThat(lines).contains("total 1,501"); // oil
            assertThat(lines).contains("total 11,000 246"); // labor: workers entering, mean wage 245.5 → 246
        }

        @Test
        void showsCategoriesWithOneDecimalSharesTwoDecimalUnitValuesAndNotAvailable() {
            assertThat(lines).contains("Wheat flour 26,000 46.6 12.35"); // grain's display name for flour; unit value 12.34567 → 12.35
            assertThat(lines).contains("rice 22,893 n/a");
        }

        @Test
        void writesAHangulCategoryAsText() {
            assertThat(lines).contains(SampleBriefing.KOREAN + " 1,000 n/a");
        }

        @Test
        void namesCategoriesAsReadersKnowThem() {
            // the display name oil's definition ships for the slug
            assertThat(lines).contains("Crude oil").doesNotContain("crude_oil");
            assertThat(text).doesNotContain("crude_oil");
        }

        @Test
        void putsUnitsInTheColumnHeaders() {
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("Quantity (t)", "Share (%)", "Value (USD)", "(USD/t)", "quarter (%)", "year (%)");
        }

        @Test
        void saysWhereADatasetHasNoFigures() {
            assertThat(text).contains("No figures for fertilizer in 2014-Q3.");
        }

        @Test
        void drawsChartsOverTheConfiguredNumberOfQuarters() throws IOException {
            assertThat(text).contains("Grain: tonnes per quarter, last 8 quarters", "Grain: mix of 2014-Q3 by tonnes");
            // The pie's labels: 26,000 / 54,893 = 47.4 %; 평양 1,000 / 54,893 = 1.8 %.
            // labelled by display name (flour → Wheat flour), which may wrap before its share
            assertThat(text.replaceAll("\\s+", " ")).contains("Wheat flour 47.4%");
            assertThat(text).contains(SampleBriefing.KOREAN + " 1.8%");
            try (PDDocument document = Loader.loadPDF(write(SampleBriefing.briefing(), new PdfBriefingWriter(4)))) {
                assertThat(text(document)).contains("Grain: tonnes per quarter, last 4 quarters");
            }
        }
    }

    @Nested
    class Layout {

        @Test
        void hasEverySectionInOrderAsHeadingAndBookmark() throws IOException {
            List<String> headings = lines.stream().filter(SECTIONS::contains).toList();
            assertThat(headings).containsExactlyElementsOf(SECTIONS);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<String> bookmarks = new ArrayList<>();
                for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                    bookmarks.add(item.getTitle());
                }
                assertThat(bookmarks).containsExactlyElementsOf(SECTIONS);
            }
        }

        @Test
        void drawsOneVectorChartPerTradeDatasetWithFigures() throws IOException {
            // Grain and oil have figures in the sample, fertilizer none: two drawings, each the bars and the
            // pie side by side, and page 1's headline grid. The footer's page-total template is small and
            // not counted.
            try (PDDocument document = Loader.loadPDF(pdf)) {
                int charts = 0;
                for (PDPage page : document.getPages()) {
                    for (COSName name : page.getResources().getXObjectNames()) {
                        if (page.getResources().getXObject(name) instanceof PDFormXObject form
                                && form.getBBox().getHeight() > 100) {
                            charts++;
                        }
                    }
                }
                assertThat(charts).isEqualTo(3);
            }
        }

        @Test
        void carriesTitleSubjectAuthorKeywordsAndLanguageAsDocumentProperties() throws IOException {
            try (PDDocument document = Loader.loadPDF(write(SampleBriefing.briefing(),
                    new PdfBriefingWriter(8, "Korea Trade Watch")))) {
                var info = document.getDocumentInformation();
                assertThat(info.getTitle()).isEqualTo("DPRK\u2013China trade: quarterly briefing, 2014-Q3");
                assertThat(info.getSubject()).isEqualTo("DPRK\u2013China trade indicators for 2014-Q3");
                assertThat(info.getAuthor()).isEqualTo("Korea Trade Watch");
                assertThat(info.getKeywords().split(", ")).contains("2014-Q3", "grain", "oil", "labor");
                assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            }
        }

        @Test
        void pageOneEndsWithTheHeadlineChartsFillingWhatIsLeftOfIt() throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDPage first = document.getPage(0);
                float tallest = 0;
                for (COSName name : first.getResources().getXObjectNames()) {
                    if (first.getResources().getXObject(name) instanceof PDFormXObject form) {
                        tallest = Math.max(tallest, form.getBBox().getHeight());
                    }
                }
                // at least a quarter of the A4 page's 842 points: the figure fills the page, not a corner of it
                assertThat(tallest).isGreaterThan(842 / 4f);
                String pageOne = new org.apache.pdfbox.text.PDFTextStripper() {
                    {
                        setStartPage(1);
                        setEndPage(1);
                    }
                }.getText(document);
                assertThat(pageOne).contains("Quarterly totals, last 8 quarters; 2014-Q3 dark and labelled")
                        .contains("Grain imports").contains("Oil imports");
            }
        }

        @Test
        void fitsOnAFewPagesEachNumberedAgainstTheTotal() {
            assertThat(pages).isBetween(2, 5);
            IntStream.rangeClosed(1, pages).forEach(p -> assertThat(text).contains("page " + p + " of " + pages));
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

    @Nested
    class LaborDataQualityAndSources {

        @Test
        void showsLaborByLocation() {
            assertThat(text).contains("DPRK workers in China, 2014-Q3, by location");
            assertThat(lines).contains("dandong 11,000");
        }

        @Test
        void countsProblemsAndListsThemAllWhenFew() {
            // Inputs: grain 1 rejected, 1 warning; oil 1, 1; labor.xlsx has no summary: 1 error counted from the list.
            assertThat(text.replaceAll("\\s+", " ")).contains("3 rows were rejected and 2 warnings were raised");
            assertThat(lines).contains("grain grain.xlsx 14 12 1 1");
            assertThat(text).contains("All 5 problems (also in the workbook's Data quality sheet and data-quality-2014-Q3.csv):");
            assertThat(text).contains("not a month", SampleBriefing.INJECTION);
        }

        @Test
        void listsTheFirstProblemsAndSaysWhereTheRestAre() throws IOException {
            Briefing b = SampleBriefing.briefing();
            List<RowProblem> many = IntStream.rangeClosed(1, 25).mapToObj(i -> new RowProblem("grain.xlsx", "grain",
                    100 + i, "quantity_t", Severity.ERROR, "negative number " + i, "-" + i)).toList();
            Briefing manyProblems = new Briefing(b.period(), b.runId(), b.generatedAt(), b.indicators(),
                    b.keyDevelopments(), b.trade(), b.labor(), many, b.inputs(), b.sources());
            try (PDDocument document = Loader.loadPDF(write(manyProblems, new PdfBriefingWriter()))) {
                String t = new PDFTextStripper().getText(document);
                assertThat(t.replaceAll("\\s+", " ")).contains("The first 20 of 25 problems; the rest are in the "
                        + "workbook's Data quality sheet and data-quality-2014-Q3.csv:");
                assertThat(t).contains("negative number 20").doesNotContain("negative number 21");
            }
        }

        @Test
        void listsSourcesAndTheInputsChecksums() {
            assertThat(text).contains("KITA; Chinese customs (monthly split illustrative)");
            assertThat(text).contains(SampleBriefing.CHINESE + " (Dandong) city statistics");
            assertThat(text).contains("grain.xlsx, sheet grain: ab12");
        }
    }

    /**
     * Characters the main face (WenQuanYi Micro Hei) lacks: 𠮷 U+20BB7 (CJK Extension B, plane 2) and
     * 😀 U+1F600 (plane 1). OpenPDF on its own drops them silently.
     */
    @Nested
    class CharactersBeyondTheMainFont {

        private static final String YOSHINOYA = "\uD842\uDFB7野家"; // 𠮷野家
        private static final String GRIN = "\uD83D\uDE00"; // 😀
        /** U+2A700, CJK Extension C: in none of the bundled faces. */
        private static final String EXTENSION_C = new String(Character.toChars(0x2A700));

        @Test
        void writesThemAsTextInACategoryAndASourceWithEmbeddedFonts() throws IOException {
            String category = YOSHINOYA + " " + GRIN;
            byte[] written = write(withGrainCategoryAndSource(category, YOSHINOYA + " customs " + GRIN),
                    new PdfBriefingWriter());

            try (PDDocument document = Loader.loadPDF(written)) {
                String t = new PDFTextStripper().getText(document);
                assertThat(t).contains(category, YOSHINOYA + " customs " + GRIN);
                Set<String> fonts = new HashSet<>();
                for (PDPage page : document.getPages()) {
                    for (COSName name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                        fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", "")); // strip the subset tag
                    }
                }
                assertThat(fonts).anyMatch(f -> f.startsWith("HanaMinB")).anyMatch(f -> f.startsWith("Symbola"));
            }
        }

        @Test
        void showsTheReplacementCharacterForOneNoBundledFontHas() throws IOException {
            assertThat(EmbeddedFont.get().canShow(0x2A700)).as("precondition: no bundled face has U+2A700").isFalse();

            byte[] written = write(withGrainCategoryAndSource("a" + EXTENSION_C + "b", "source " + EXTENSION_C + "!"),
                    new PdfBriefingWriter());

            try (PDDocument document = Loader.loadPDF(written)) {
                String t = new PDFTextStripper().getText(document);
                assertThat(t).contains("a\uFFFDb", "source \uFFFD!").doesNotContain(EXTENSION_C);
            }
        }

        /** The sample with one more grain category, 700 t in 2014-08 (so charts draw it too), and one more source. */
        private static Briefing withGrainCategoryAndSource(String category, String source) {
            Briefing b = SampleBriefing.briefing();
            TradeFigures grain = SampleBriefing.grain();
            grain.add(new TradeRecord(YearMonth.parse("2014-08"), category, new BigDecimal("700"), null, "", "", 1));
            List<Indicator> indicators = new ArrayList<>(b.indicators().indicators());
            indicators.add(new Indicator(Dataset.GRAIN, category, IndicatorName.QUANTITY_T, new BigDecimal("700")));
            return new Briefing(b.period(), b.runId(), b.generatedAt(),
                    new QuarterIndicators(b.period(), indicators, b.indicators().provisionalReasons()),
                    b.keyDevelopments(), Map.of(Dataset.GRAIN, grain, Dataset.OIL, SampleBriefing.oil()), b.labor(),
                    b.problems(), b.inputs(), Map.of(Dataset.GRAIN, List.of(source)));
        }
    }

    private static byte[] write(Briefing briefing, PdfBriefingWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(briefing, out);
        return out.toByteArray();
    }

    private static String text(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(document);
    }
}
