package org.dprktrade.briefing.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.indicators.IndicatorCalculator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.SampleBriefing;
import org.junit.jupiter.api.Test;

/**
 * Every number an analyst can audit in the workbook agrees with the indicators: the indicators here are
 * computed by {@link IndicatorCalculator} from the sample figures (not hand-made), and each quarter
 * total of the briefing's quarter, a {@code SUM} formula, must carry the indicator's value as its
 * cached result and recalculate to that same value.
 */
class WorkbookAuditTests {

    @Test
    void everyQuarterTotalOfThePeriodEqualsItsIndicatorCachedAndRecalculated() throws IOException {
        Briefing sample = SampleBriefing.briefing();
        Map<Dataset, TradeFigures> trade = Map.of(Dataset.GRAIN, SampleBriefing.grain(), Dataset.OIL, SampleBriefing.oil());
        QuarterIndicators computed = IndicatorCalculator.compute(sample.period(), trade, SampleBriefing.labor(),
                LocalDate.of(2014, 10, 10));
        Briefing briefing = new Briefing(sample.period(), sample.runId(), sample.generatedAt(), computed,
                sample.keyDevelopments(), trade, SampleBriefing.labor(), sample.problems(), sample.inputs(), sample.sources());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WorkbookWriter().write(briefing, out);
        int compared = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (Dataset dataset : Dataset.BUILT_IN) {
                XSSFSheet sheet = workbook.getSheet(dataset.id());
                for (Row row : sheet) {
                    if (!isTotalOf(row, briefing.period().toString())) {
                        continue;
                    }
                    String category = row.getCell(2).getStringCellValue();
                    IndicatorName sum = dataset.isTrade() ? IndicatorName.QUANTITY_T : IndicatorName.WORKERS_ENTERING;
                    compared += agree(row.getCell(3), computed.value(dataset, category, sum), evaluator, dataset, category);
                    if (dataset.isTrade()) {
                        compared += agree(row.getCell(4), computed.value(dataset, category, IndicatorName.VALUE_USD),
                                evaluator, dataset, category);
                    }
                }
            }
        }
        // grain: corn, flour, rice, 평양, all × (quantity, value) = 10; oil: crude_oil, kerosene, all × 2 = 6;
        // labor: dandong, all = 2.
        assertThat(compared).isEqualTo(18);
    }

    /** Compares one total cell with its indicator; an undefined indicator must be the text n/a. */
    private static int agree(Cell cell, BigDecimal indicator, XSSFFormulaEvaluator evaluator, Dataset dataset,
                             String category) {
        String what = dataset + "/" + category + " " + cell.getAddress();
        if (indicator == null) {
            assertThat(cell.getCellType()).as(what).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).as(what).isEqualTo("n/a");
            return 1;
        }
        assertThat(cell.getCellType()).as(what).isEqualTo(CellType.FORMULA);
        assertThat(cell.getCellFormula()).as(what).startsWith("SUM(");
        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(what + " cached").isEqualByComparingTo(indicator);
        assertThat(BigDecimal.valueOf(evaluator.evaluate(cell).getNumberValue())).as(what + " recalculated")
                .isEqualByComparingTo(indicator);
        return 1;
    }

    private static boolean isTotalOf(Row row, String quarter) {
        Cell first = row.getCell(0);
        Cell second = row.getCell(1);
        return row.getRowNum() > 0 && first != null && quarter.equals(first.getStringCellValue())
                && second.getCellType() == CellType.STRING && "total".equals(second.getStringCellValue());
    }
}
