package org.dprktrade.briefing.job;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.ingest.AcceptedRow;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.LaborRecord;
import org.dprktrade.briefing.ingest.TradeRecord;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Sums one dataset's accepted rows into the run's monthly figures; the rows are dropped after their chunk. */
final class FiguresItemWriter implements ItemWriter<AcceptedRow> {

    private final Dataset dataset;
    private final RunData runData;

    FiguresItemWriter(Dataset dataset, RunData runData) {
        this.dataset = dataset;
        this.runData = runData;
    }

    @Override
    public void write(Chunk<? extends AcceptedRow> chunk) {
        // runData is a job-scoped proxy: every call looks the bean up, so resolve the figures once per chunk
        if (dataset.isTrade()) {
            TradeFigures figures = runData.trade(dataset);
            for (AcceptedRow row : chunk) {
                figures.add((TradeRecord) row);
            }
        } else {
            LaborFigures figures = runData.labor();
            for (AcceptedRow row : chunk) {
                figures.add((LaborRecord) row);
            }
        }
    }
}
