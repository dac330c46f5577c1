package org.clinic;

import org.clinic.base.ClinicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The application's clock in tests: real time, unless a test sets the time of day (rules such as "check-in opens
 * two hours before" must not depend on when the build runs). Every {@code withZone} view shares the same setting.
 * Call {@link #reset()} after a test that set it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final Supplier<ZoneId> zone;

    private TestClock(AtomicReference<Duration> offset, Supplier<ZoneId> zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** From now on, it is today at this time in the clinic's zone (and time runs on from there). */
    public void setTimeOfDay(LocalTime time) {
        ZoneId here = zone.get();
        Instant target = LocalDate.now(here).atTime(time).atZone(here).toInstant();
        offset.set(Duration.between(Instant.now(), target));
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone.get();
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(offset, () -> other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Configuration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        TestClock testClock(ClinicSettings settings) {
            // in the clinic's zone of the moment, as the application's own clock (a change on screen applies at once)
            return new TestClock(new AtomicReference<>(Duration.ZERO), settings::timeZone);
        }
    }
}
