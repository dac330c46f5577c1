package org.clinic.base;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/** A clock telling the time of another clock in the clinic's zone of the moment, so a change of zone applies at once. */
final class ZoneFollowingClock extends Clock {

    private final Clock time;
    private final Supplier<ZoneId> zone;

    ZoneFollowingClock(Clock time, Supplier<ZoneId> zone) {
        this.time = time;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone.get();
    }

    @Override
    public Clock withZone(ZoneId other) {
        return time.withZone(other);
    }

    @Override
    public Instant instant() {
        return time.instant();
    }

    @Override
    public long millis() {
        return time.millis();
    }
}
