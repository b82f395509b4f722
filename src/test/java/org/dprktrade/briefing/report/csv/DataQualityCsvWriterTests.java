package org.dprktrade.briefing.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.dprktrade.briefing.report.SampleBriefing;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DataQualityCsvWriterTests {

    @Test
    void writesOneRecordPerProblemWithInputTextNeutralisedAndQuoted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DataQualityCsvWriter().write(SampleBriefing.briefing(), out);

        // "-5" and =HYPERLINK(...) came from the inputs: prefixed with '; quotes doubled and fields with
        // a comma or a line break quoted (RFC 4180); a whole-file problem has an empty row number.
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n",
                "file,sheet,row,column,severity,problem,value",
                "grain.xlsx,grain,12,quantity_t,error,negative number,'-5",
                "grain.xlsx,grain,14,commodity,warning,\"unknown category, kept as 평양\",평양",
                "oil.xlsx,oil,7,month,error,not a month,\"'=HYPERLINK(\"\"x\"\")\"",
                "oil.xlsx,oil,9,note,warning,duplicate row,\"a,b\nc\"",
                "labor.xlsx,,,,error,workbook is encrypted,") + "\r\n");
    }

    @Nested
    class Neutralise {

        @Test
        void prefixesEveryRiskyFirstCharacter() {
            assertThat(CsvLine.neutralise("=1+1")).isEqualTo("'=1+1");
            assertThat(CsvLine.neutralise("+49")).isEqualTo("'+49");
            assertThat(CsvLine.neutralise("-2")).isEqualTo("'-2");
            assertThat(CsvLine.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
            assertThat(CsvLine.neutralise("\tx")).isEqualTo("'\tx");
            assertThat(CsvLine.neutralise("\rx")).isEqualTo("'\rx");
        }

        @Test
        void leavesOtherTextAlone() {
            assertThat(CsvLine.neutralise("flour")).isEqualTo("flour");
            assertThat(CsvLine.neutralise("a=b")).isEqualTo("a=b");
            assertThat(CsvLine.neutralise("")).isEmpty();
            assertThat(CsvLine.neutralise(null)).isEmpty();
        }
    }

    @Nested
    class Quote {

        @Test
        void quotesOnlyWhereRfc4180Needs() {
            assertThat(CsvLine.quote("plain text")).isEqualTo("plain text");
            assertThat(CsvLine.quote("a,b")).isEqualTo("\"a,b\"");
            assertThat(CsvLine.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
            assertThat(CsvLine.quote("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        }
    }
}
