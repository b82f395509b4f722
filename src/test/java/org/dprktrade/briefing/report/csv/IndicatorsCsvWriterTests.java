package org.dprktrade.briefing.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.SampleBriefing;
import org.junit.jupiter.api.Test;

class IndicatorsCsvWriterTests {

    @Test
    void writesOneRecordPerIndicatorWithPlainDecimalsAndCrlf() throws IOException {
        String csv = write(SampleBriefing.briefing());

        // 12.34567 → 12.3457 (4 places, half up); 1E+2 → 100; 0.00000 → 0; 103.3070 → 103.307;
        // -12.5 is computed and stays a number; undefined values are empty.
        assertThat(csv).isEqualTo(String.join("\r\n",
                "period,dataset,category,indicator,value,unit",
                "2014-Q3,grain,all,quantity_t,54893,t",
                "2014-Q3,grain,all,value_usd,10500000,USD",
                "2014-Q3,grain,all,qoq_pct,103.307,%",
                "2014-Q3,grain,all,yoy_pct,-12.5,%",
                "2014-Q3,grain,all,months_reported,3,months",
                "2014-Q3,grain,all,zero_months,0,months",
                "2014-Q3,grain,flour,quantity_t,26000,t",
                "2014-Q3,grain,flour,share_pct,46.6,%",
                "2014-Q3,grain,flour,unit_value_usd_per_t,12.3457,USD/t",
                "2014-Q3,grain,rice,quantity_t,22893,t",
                "2014-Q3,grain,rice,trailing_4q_quantity_t,100,t",
                "2014-Q3,grain,rice,unit_value_usd_per_t,,USD/t",
                "2014-Q3,grain,평양,quantity_t,1000,t",
                "2014-Q3,grain,평양,qoq_pct,,%",
                "2014-Q3,labor,all,workers_entering,11000,workers",
                "2014-Q3,labor,all,wage_usd,245.5,USD",
                "2014-Q3,labor,dandong,workers_entering,11000,workers",
                "2014-Q3,oil,all,quantity_t,1500.5,t",
                "2014-Q3,oil,crude_oil,zero_streak_months,15,months",
                // the sample's fertilizer has 2 of 3 months: provisional
                "2014-Q3,all,all,provisional,1,flag") + "\r\n");
    }

    @Test
    void writesUtf8WithoutByteOrderMark() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IndicatorsCsvWriter().write(SampleBriefing.briefing(), out);

        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 'p');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(",평양,");
    }

    @Test
    void neverWritesAnExponentOrMoreThanFourDecimals() throws IOException {
        Briefing b = withIndicators(List.of(
                indicator("1E+7"), indicator("0.00004"), indicator("-0.00005"), indicator("123456789.123456789")));

        assertThat(write(b).split("\r\n")).containsExactly(
                "period,dataset,category,indicator,value,unit",
                "2014-Q3,grain,all,quantity_t,10000000,t",
                "2014-Q3,grain,all,quantity_t,0,t",
                "2014-Q3,grain,all,quantity_t,-0.0001,t",
                "2014-Q3,grain,all,quantity_t,123456789.1235,t",
                "2014-Q3,all,all,provisional,0,flag");
    }

    private static Indicator indicator(String value) {
        return new Indicator(Dataset.GRAIN, "all", IndicatorName.QUANTITY_T, new BigDecimal(value));
    }

    private static Briefing withIndicators(List<Indicator> indicators) {
        Briefing b = SampleBriefing.briefing();
        return new Briefing(b.period(), b.runId(), b.generatedAt(),
                new QuarterIndicators(b.period(), indicators, List.of()), b.keyDevelopments(), b.trade(), b.labor(), b.problems(),
                b.inputs(), b.sources());
    }

    private static String write(Briefing briefing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IndicatorsCsvWriter().write(briefing, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
