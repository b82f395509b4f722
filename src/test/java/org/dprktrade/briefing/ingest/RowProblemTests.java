package org.dprktrade.briefing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowProblemTests {

    @Test
    void describesAProblemOnOneLineWithControlCharactersEscaped() {
        RowProblem p = new RowProblem("grain.xlsx", "grain", 12, "commodity", Severity.WARNING,
                "unknown category 'x': kept as it is (first of its rows)", "line one\nline two\r\u001B]0;pwned\u0007\tend");

        assertThat(p.describe()).isEqualTo("grain.xlsx, sheet grain, row 12, column commodity: warning: unknown category"
                + " 'x': kept as it is (first of its rows) ('line one\\nline two\\r\\u001B]0;pwned\\u0007\\tend')")
                .doesNotContain("\n", "\r", "\u001B");
    }

    @Test
    void leavesTextWithoutControlCharactersAlone() {
        RowProblem p = new RowProblem("grain.xlsx", "grain", 3, "quantity_t", Severity.ERROR, "negative number", "-5 쌀 😀");

        assertThat(p.describe()).isEqualTo("grain.xlsx, sheet grain, row 3, column quantity_t: error: negative number"
                + " ('-5 쌀 😀')");
    }
}
