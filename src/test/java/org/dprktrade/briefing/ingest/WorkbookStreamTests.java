package org.dprktrade.briefing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dprktrade.briefing.testing.FixtureWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream's background parse: row order, failures where the rows stop, and closing early. */
class WorkbookStreamTests {

    private static final IngestProperties PROPS = IngestProperties.defaults();

    @TempDir
    Path dir;

    @Test
    void handsOnRowsAndProblemsInRowOrderAcrossManyBatches() throws Exception {
        // 5,000 rows (several batches of the pipeline), quantity = row number; every 1,000th is negative
        StringBuilder rows = new StringBuilder(row(1, "month", "commodity", "quantity_t"));
        for (int r = 2; r <= 5_001; r++) {
            rows.append(row(r, "2014-0" + (1 + r % 9), "rice", (r % 1000 == 0 ? "-" : "") + r));
        }
        Path file = TestWorkbooks.rawXlsx(dir, "grain.xlsx", false, null, Map.of("grain", rows.toString()));
        List<Object> seen = new ArrayList<>();
        try (WorkbookStream stream = WorkbookStream.open(file, Dataset.GRAIN, PROPS, seen::add)) {
            AcceptedRow row;
            while ((row = stream.next()) != null) {
                seen.add(row);
            }
            assertThat(stream.summary().rowsRead()).isEqualTo(5_000);
            assertThat(stream.summary().rowsAccepted()).isEqualTo(4_995);
            assertThat(stream.summary().rowsRejected()).isEqualTo(5);
        }
        List<Long> order = seen.stream()
                .map(o -> o instanceof RowProblem p ? p.row() : ((TradeRecord) o).row())
                .toList();
        assertThat(order).hasSize(5_000).isSorted();
        assertThat(seen).filteredOn(RowProblem.class::isInstance)
                .extracting(o -> ((RowProblem) o).row()).containsExactly(1000L, 2000L, 3000L, 4000L, 5000L);
        assertThat(seen).filteredOn(TradeRecord.class::isInstance)
                .allMatch(o -> ((TradeRecord) o).quantityTonnes().equals(BigDecimal.valueOf(((TradeRecord) o).row())));
    }

    @Test
    void aFailureDeepInTheSheetComesAfterTheRowsBeforeIt() throws Exception {
        StringBuilder rows = new StringBuilder(row(1, "month", "commodity", "quantity_t"));
        for (int r = 2; r <= 3_001; r++) {
            rows.append(row(r, "2014-01", "rice", String.valueOf(r)));
        }
        rows.append("<row r=\"1048577\"><c t=\"inlineStr\"><is><t>2014-01</t></is></c></row>");
        Path file = TestWorkbooks.rawXlsx(dir, "grain.xlsx", false, null, Map.of("grain", rows.toString()));
        int accepted = 0;
        try (WorkbookStream stream = WorkbookStream.open(file, Dataset.GRAIN, PROPS, p -> { })) {
            while (accepted < 3_000) {
                assertThat(stream.next()).isNotNull();
                accepted++;
            }
            assertThatThrownBy(stream::next).isInstanceOf(InputFileException.class)
                    .hasMessage("grain.xlsx: sheet grain has more than 1048576 rows, the most an xlsx sheet can hold");
        }
    }

    @Test
    void closingBeforeTheEndStopsTheBackgroundThreads() throws Exception {
        Path file = dir.resolve("grain.xlsx");
        FixtureWorkbooks.writeLargeGrain(file, 50_000);
        try (WorkbookStream stream = WorkbookStream.open(file, Dataset.GRAIN, PROPS, p -> { })) {
            assertThat(stream.next()).isNotNull();
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("ingest-grain-") && t.isAlive());
    }

    private static String row(int r, String month, String commodity, String quantity) {
        return "<row r=\"" + r + "\">" + text("A", r, month) + text("B", r, commodity)
                + (quantity.matches("-?[0-9]+") && r > 1
                        ? "<c r=\"C" + r + "\"><v>" + quantity + "</v></c>"
                        : text("C", r, quantity))
                + "</row>";
    }

    private static String text(String column, int r, String value) {
        return "<c r=\"" + column + r + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
    }
}
