package org.dprktrade.briefing.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets by hand, so that stored times and file names are known answers. */
final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(String instant) {
        this.now = Instant.parse(instant);
    }

    void set(String instant) {
        this.now = Instant.parse(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
