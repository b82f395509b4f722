package org.dprktrade.briefing.period;

import java.util.ArrayList;
import java.util.List;

/** An inclusive run of quarters, {@code from} to {@code to}, never backwards. */
public record QuarterRange(Quarter from, Quarter to) {

    public QuarterRange {
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
    }

    public List<Quarter> quarters() {
        List<Quarter> all = new ArrayList<>();
        for (Quarter q = from; q.compareTo(to) <= 0; q = q.next()) {
            all.add(q);
        }
        return all;
    }
}
