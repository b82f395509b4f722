package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Instant;
import java.time.ZoneId;

import org.dprktrade.briefing.period.Quarter;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole {@code run} commands on the sample workbooks in {@code input/}: exit codes, what is printed,
 * and the four outputs read back. Expected figures are the ones the source reports
 * (docs/sample-data.md), which the sample workbooks reproduce.
 */
class RunCommandFunctionalTests {

    private static final Path SAMPLE_INPUT = Path.of("input");

    @TempDir
    Path reports;

    @Nested
    class OnTheSampleData {

        @Test
        void writesAllFourReportsAndSaysWhere() throws IOException {
            CommandResult result = run("run", "--period", "2014-Q3");

            assertThat(result.exitCode()).as(result.err()).isZero();
            Path dir = reports.resolve("2014-Q3");
            assertThat(result.out()).contains("2014-Q3: reports written to " + dir);
            assertThat(dir.resolve("briefing-2014-Q3.pdf")).isNotEmptyFile();
            assertThat(dir.resolve("briefing-2014-Q3.xlsx")).isNotEmptyFile();
            assertThat(dir.resolve("indicators-2014-Q3.csv")).isNotEmptyFile();
            assertThat(dir.resolve("data-quality-2014-Q3.csv")).isNotEmptyFile();
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }

        @Test
        void indicatorsReproduceTheReportedFigures() throws IOException {
            assertThat(run("run", "--period", "2014-Q3").exitCode()).isZero();
            Map<String, String> q3 = indicators("2014-Q3");

            // Jet fuel: 13,000 t Jan–Sep 2014 against 359 t Jan–Sep 2013: (13000 − 359) / 359 × 100 = 3521.1699 %
            assertThat(q3.get("oil,kerosene,ytd_quantity_t")).isEqualTo("13000");
            assertThat(q3.get("oil,kerosene,ytd_yoy_pct")).isEqualTo("3521.1699");
            // Crude oil: zero in every month of 2014, so nine reported-zero months end with September.
            assertThat(q3.get("oil,crude_oil,quantity_t")).isEqualTo("0");
            assertThat(q3.get("oil,crude_oil,zero_months")).isEqualTo("3");
            assertThat(q3.get("oil,crude_oil,zero_streak_months")).isEqualTo("9");
            // A change on a zero base is undefined, never 0 or Infinity.
            assertThat(q3.get("oil,crude_oil,qoq_pct")).isEmpty();
            assertThat(q3.get("oil,crude_oil,yoy_pct")).isEqualTo("-100");
        }

        @Test
        void yearToDateAtTheSecondQuarterIsTheReportedFirstHalf() throws IOException {
            assertThat(run("run", "--period", "2014-Q2").exitCode()).isZero();

            // Grain Jan–Jun 2014: 58,387 t in all.
            assertThat(indicators("2014-Q2").get("grain,all,ytd_quantity_t")).isEqualTo("58387");
        }

        @Test
        void workbookAndPdfCarryTheQuarter() throws IOException {
            assertThat(run("run", "--period", "2014-Q3").exitCode()).isZero();
            Path dir = reports.resolve("2014-Q3");

            try (Workbook workbook = WorkbookFactory.create(dir.resolve("briefing-2014-Q3.xlsx").toFile(), null, true)) {
                assertThat(workbook.getSheet("Summary")).isNotNull();
                assertThat(workbook.getSheet("grain")).isNotNull();
                assertThat(workbook.getSheet("Data quality")).isNotNull();
            }
            try (PDDocument pdf = Loader.loadPDF(dir.resolve("briefing-2014-Q3.pdf").toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("quarterly briefing, 2014-Q3").contains("13,000").contains("page 1 of");
            }
        }

        @Test
        void rerunningACompletedPeriodRunsAgainAsANewInstance() throws IOException {
            assertThat(run("run", "--period", "2014-Q3").exitCode()).isZero();
            Path csv = reports.resolve("2014-Q3/indicators-2014-Q3.csv");
            Files.writeString(csv, "stale");

            CommandResult second = run("run", "--period", "2014-Q3");

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(Files.readString(csv)).startsWith("period,dataset,category,indicator,value,unit");
            CommandResult history = run("history");
            assertThat(history.exitCode()).isZero();
            assertThat(history.out().lines().filter(l -> l.contains("2014-Q3") && l.contains("COMPLETED")
                    && l.contains(" manual "))).hasSize(2);
        }

        @Test
        void aRangeRunsEachQuarterInTurn() {
            CommandResult result = run("run", "--from", "2014-Q1", "--to", "2014-Q3");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("2014-Q1: reports written", "2014-Q2: reports written",
                    "2014-Q3: reports written");
            assertThat(reports.resolve("2014-Q2/briefing-2014-Q2.pdf")).isNotEmptyFile();
        }

        @Test
        void dryRunSaysWhatWouldHappenAndWritesAndSendsNothing() throws IOException {
            assertThat(run("run", "--period", "2014-Q3").exitCode()).isZero();
            Path pdf = reports.resolve("2014-Q3/briefing-2014-Q3.pdf");
            byte[] before = Files.readAllBytes(pdf);
            long mails;
            try (var outbox = Files.list(reports.resolve("outbox"))) {
                mails = outbox.count();
            }

            CommandResult preview = run("run", "--period", "2014-Q3", "--dry-run");

            assertThat(preview.exitCode()).as(preview.err()).isZero();
            assertThat(preview.out()).contains("2014-Q3: dry run, nothing is written or sent")
                    .contains("would replace  " + pdf)
                    .contains("Revision 2 — replaces the briefing sent ")
                    .contains("to analysts@example.org");
            assertThat(Files.readAllBytes(pdf)).isEqualTo(before);
            try (var outbox = Files.list(reports.resolve("outbox"))) {
                assertThat(outbox.count()).isEqualTo(mails);
            }
            assertThat(run("history").out().lines().filter(l -> l.contains("2014-Q3"))).hasSize(1);
        }

        @Test
        void validateReadsEveryWorkbookAndWritesNothing() {
            CommandResult result = run("validate");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("grain: ", "fertilizer: ", "labor: ", "oil: ", "inputs are valid");
            assertThat(reports.resolve("2014-Q3")).doesNotExist();
        }
    }

    @Nested
    class OnBadInput {

        @TempDir
        Path input;

        @Test
        void aMissingWorkbookExitsThreeNamingTheFileAndWritesNoReport() throws IOException {
            copySample("grain.xlsx", "fertilizer.xlsx", "labor.xlsx");

            CommandResult result = CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(),
                    "--reports", reports.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_DATA);
            assertThat(result.err()).contains("oil.xlsx").contains("not found");
            assertThat(reports.resolve("2014-Q3")).doesNotExist();
        }

        @Test
        void aFailedRunLeavesThePreviousReportsOfThePeriodAsTheyWere() throws IOException {
            copySample("grain.xlsx", "fertilizer.xlsx", "labor.xlsx", "oil.xlsx");
            assertThat(CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(), "--reports",
                    reports.toString()).exitCode()).isZero();
            Path pdf = reports.resolve("2014-Q3/briefing-2014-Q3.pdf");
            byte[] before = Files.readAllBytes(pdf);
            Files.write(input.resolve("oil.xlsx"), "not a workbook".getBytes(StandardCharsets.UTF_8));

            CommandResult failed = CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(),
                    "--reports", reports.toString());

            assertThat(failed.exitCode()).isEqualTo(ExitCodes.INPUT_DATA);
            assertThat(failed.err()).contains("oil.xlsx");
            assertThat(Files.readAllBytes(pdf)).isEqualTo(before);
        }

        @Test
        void validateExitsThreeOnAMissingWorkbook() throws IOException {
            copySample("grain.xlsx", "fertilizer.xlsx", "oil.xlsx");

            CommandResult result = CommandResult.run("validate", "--input", input.toString(), "--reports",
                    reports.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_DATA);
            assertThat(result.err()).contains("labor.xlsx");
        }

        @Test
        void tooManyRejectedRowsExitThreeListingEveryRejectedRow() throws IOException {
            copySample("fertilizer.xlsx", "labor.xlsx", "oil.xlsx");
            // 3 data rows, 2 rejected: 66.7 % > 5 %
            writeGrain(List.of(
                    List.of("Month", "Commodity", "Quantity (t)"),
                    List.of("2014-07", "Rice", "100"),
                    List.of("2014-08", "Rice", "-5"),
                    List.of("2014-13", "Rice", "7")));

            CommandResult result = CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(),
                    "--reports", reports.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_DATA);
            assertThat(result.err()).contains("grain.xlsx: 2 of 3 rows rejected");
            assertThat(result.err()).contains("row 3, column quantity_t").contains("row 4, column month");
            assertThat(reports.resolve("2014-Q3")).doesNotExist();
            // the operators' notice says what to fix: the summary, a blank line, then each problem
            try (var outbox = Files.list(reports.resolve("outbox"))) {
                Path notice = outbox.filter(p -> p.toString().endsWith("-run-failed.eml")).findFirst().orElseThrow();
                String mail = Files.readString(notice).replace("\r\n", "\n");
                assertThat(mail).contains("2014-Q3: grain.xlsx: 2 of 3 rows rejected (66.7 %), more than the allowed "
                        + "5.0 %\n\n  grain.xlsx, sheet grain, row 3, column quantity_t: error: ")
                        .contains("\n  grain.xlsx, sheet grain, row 4, column month: error: ");
            }
        }

        /**
         * rice: 2013 Jan 100 t US$50,000, May 100 t US$60,000, Aug 50 t no value; 2014 Feb 200 t US$90,000,
         * Jul 100 t US$30,000. flour: first seen in August 2014, 100 t US$25,000. At 2014-Q3, by hand:
         * value YTD rice 120,000 against 110,000 (+9.0909 %), flour 25,000 (no base), all 145,000 against
         * 110,000 (+31.8182 %); quantity YTD all 400 against 250 (+60 %); flour's YTD and trailing 100 t.
         */
        @Test
        void valueYearToDateAndACategoryFirstSeenMidYearAgreeInEveryOutput() throws IOException {
            copySample("fertilizer.xlsx", "labor.xlsx", "oil.xlsx");
            writeGrain(List.of(
                    List.of("Month", "Commodity", "Quantity (t)", "Value (USD)"),
                    List.of("2013-01", "Rice", "100", "50000"),
                    List.of("2013-05", "Rice", "100", "60000"),
                    List.of("2013-08", "Rice", "50", ""),
                    List.of("2014-02", "Rice", "200", "90000"),
                    List.of("2014-07", "Rice", "100", "30000"),
                    List.of("2014-08", "Flour", "100", "25000")));

            CommandResult result = CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(),
                    "--reports", reports.toString());

            assertThat(result.exitCode()).as(result.err()).isZero();
            Map<String, String> q3 = indicators("2014-Q3");
            assertThat(q3.get("grain,rice,ytd_value_usd")).isEqualTo("120000");
            assertThat(q3.get("grain,rice,ytd_value_yoy_pct")).isEqualTo("9.0909");
            assertThat(q3.get("grain,flour,ytd_value_usd")).isEqualTo("25000");
            assertThat(q3.get("grain,flour,ytd_value_yoy_pct")).isEmpty();
            assertThat(q3.get("grain,flour,ytd_quantity_t")).isEqualTo("100");
            assertThat(q3.get("grain,flour,trailing_4q_quantity_t")).isEqualTo("100");
            assertThat(q3.get("grain,all,ytd_value_usd")).isEqualTo("145000");
            assertThat(q3.get("grain,all,ytd_value_yoy_pct")).isEqualTo("31.8182");
            assertThat(q3.get("grain,all,ytd_yoy_pct")).isEqualTo("60");

            Path dir = reports.resolve("2014-Q3");
            try (PDDocument pdf = Loader.loadPDF(dir.resolve("briefing-2014-Q3.pdf").toFile())) {
                assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                        .contains("Value so far this year: US$145,000 (+31.8 % on a year earlier).");
            }
            try (Workbook workbook = WorkbookFactory.create(dir.resolve("briefing-2014-Q3.xlsx").toFile(), null, true)) {
                var summary = workbook.getSheet("Summary");
                var header = summary.getRow(3);
                int column = -1;
                for (var cell : header) {
                    if (cell.getStringCellValue().equals("Value year to date (USD)")) {
                        column = cell.getColumnIndex();
                    }
                }
                assertThat(column).isPositive();
                Map<String, Double> byCategory = new java.util.HashMap<>();
                for (var row : summary) {
                    if (row.getRowNum() > 3 && "grain".equals(row.getCell(0).getStringCellValue())
                            && row.getCell(column).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        byCategory.put(row.getCell(1).getStringCellValue(), row.getCell(column).getNumericCellValue());
                    }
                }
                // the categories by the names readers know: the inputs' Rice, the shipped Wheat flour
                assertThat(byCategory).containsEntry("total", 145000.0).containsEntry("Rice", 120000.0)
                        .containsEntry("Wheat flour", 25000.0);
            }
        }

        @Test
        void aMissingColumnExitsThreeListingTheColumnsFound() throws IOException {
            copySample("fertilizer.xlsx", "labor.xlsx", "oil.xlsx");
            writeGrain(List.of(List.of("Month", "Item", "Notes"), List.of("2014-07", "Rice", "x")));

            CommandResult result = CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(),
                    "--reports", reports.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_DATA);
            assertThat(result.err()).contains("required columns month, commodity, quantity_t")
                    .contains("found: Month, Item, Notes");
        }

        private void writeGrain(List<List<String>> rows) throws IOException {
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                 var out = Files.newOutputStream(input.resolve("grain.xlsx"))) {
                var sheet = workbook.createSheet("grain");
                for (int r = 0; r < rows.size(); r++) {
                    var row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
                workbook.write(out);
            }
        }

        private void copySample(String... names) throws IOException {
            for (String name : names) {
                Files.copy(SAMPLE_INPUT.resolve(name), input.resolve(name));
            }
        }
    }

    @Nested
    class QuartersWithoutFigures {

        @Test
        void aQuarterWithNoFiguresInAnyWorkbookExitsThreeNamingTheLatestMonthAndWritesNothing() throws IOException {
            CommandResult result = run("run", "--period", "2020-Q1");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_DATA);
            assertThat(result.err().strip()).isEqualTo(
                    "briefing: no figures for 2020-Q1 in any workbook; the latest month is 2014-12 (grain.xlsx)");
            assertThat(reports.resolve("2020-Q1")).doesNotExist();
            try (var outbox = Files.list(reports.resolve("outbox"))) {
                // the operators hear of it; the readers get nothing
                assertThat(outbox.map(p -> p.getFileName().toString())).singleElement().asString()
                        .startsWith("2020-Q1-").endsWith("-run-failed.eml");
            }
        }

        @Test
        void latestIsTheQuarterThatMostRecentlyEndedAndTheSampleHasNoFiguresForIt() {
            Quarter latest = Quarter.latestEnded(Instant.now(), ZoneId.of("UTC"));

            CommandResult result = run("run", "--period", "latest");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_DATA);
            assertThat(result.err().strip()).isEqualTo("briefing: no figures for " + latest
                    + " in any workbook; the latest month is 2014-12 (grain.xlsx)");
        }

        @Test
        void latestFollowsTheScheduleTimeZoneInTheDryRun() {
            CommandResult result = run("run", "--period", "LATEST", "--dry-run",
                    "--briefing.schedule.time-zone=Pacific/Kiritimati");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith(Quarter.latestEnded(Instant.now(), ZoneId.of("Pacific/Kiritimati"))
                    + ": dry run, nothing is written or sent");
        }

        @Test
        void aRangeEndingBeforeLatestIsAUsageError() {
            Quarter latest = Quarter.latestEnded(Instant.now(), ZoneId.of("UTC"));

            CommandResult result = run("run", "--from", "latest", "--to", "2014-Q4");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err().strip()).isEqualTo("briefing: --to 2014-Q4 is before --from " + latest
                    + " (see 'briefing run --help')");
        }

        @Test
        void deliverLatestLooksForTheLatestQuartersReports() {
            Quarter latest = Quarter.latestEnded(Instant.now(), ZoneId.of("UTC"));

            CommandResult result = run("deliver", "--period", "latest");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).contains(latest.toString());
        }
    }

    private CommandResult run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--input";
        all[args.length + 1] = SAMPLE_INPUT.toString();
        all[args.length + 2] = "--reports";
        all[args.length + 3] = reports.toString();
        return CommandResult.run(all);
    }

    /** {@code dataset,category,indicator} → value as written. */
    private Map<String, String> indicators(String period) throws IOException {
        List<String> lines = Files.readAllLines(reports.resolve(period).resolve("indicators-" + period + ".csv"));
        assertThat(lines.get(0)).isEqualTo("period,dataset,category,indicator,value,unit");
        return lines.stream().skip(1).map(l -> l.split(",", -1))
                .collect(Collectors.toMap(f -> f[1] + "," + f[2] + "," + f[3], f -> f[4], (a, b) -> a));
    }
}
