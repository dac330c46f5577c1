package org.clinic.base;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clinic's settings in force now: what an administrator chose on the settings screen, else the environment's
 * first-start defaults ({@link ClinicDefaults}, application.properties). Read them at the moment of use, never keep a
 * copy: a change is re-read on every node after it commits ({@link ClinicSettingsChanged}, carried between nodes by
 * the live update bus) and applies to the next thing done, without a restart. Whatever reads the clinic's zone
 * takes a {@link #following(Clock) following clock} or asks {@link #timeZone()} each time.
 */
@Component
public class ClinicSettings implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClinicSettings.class);

    private final ClinicDefaults defaults;
    private final Map<Setting, String> defaultValues;
    private final ObjectProvider<StoredSettings> store;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<Setting, String> values, ZoneId zone, String region, @Nullable ClinicLogo logo) {
    }

    ClinicSettings(ClinicDefaults defaults, Environment environment, ObjectProvider<StoredSettings> store) {
        this.defaults = defaults;
        this.store = store;
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            values.put(setting, environment.getProperty(setting.property(), setting.fallback()).strip());
        }
        values.put(Setting.TIME_ZONE, defaults.timeZone().getId());
        values.put(Setting.PHONE_REGION, defaults.phoneRegion().toUpperCase(Locale.ROOT));
        this.defaultValues = Map.copyOf(values);
        this.snapshot = snapshot(Map.of(), null);
    }

    /** Settings that never change, for unit tests of classes that read them. */
    public static ClinicSettings fixed(ZoneId timeZone, String phoneRegion) {
        ClinicDefaults defaults = new ClinicDefaults(timeZone, phoneRegion, null);
        return new ClinicSettings(defaults, new StandardEnvironment(), new org.springframework.beans.factory.support
                .StaticListableBeanFactory().getBeanProvider(StoredSettings.class));
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload(); // after Flyway has made the table
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE) // before screens and schedules that read the new values
    void changed(ClinicSettingsChanged event) {
        reload();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void resync(LiveResync event) {
        reload();
    }

    /** Re-reads the stored settings; when the database cannot be read, the settings in force stay. */
    public void reload() {
        StoredSettings stored = store.getIfAvailable();
        if (stored == null) {
            return;
        }
        try {
            snapshot = snapshot(stored.read(), stored.logo().orElse(null));
        } catch (RuntimeException e) {
            log.warn("Clinic settings could not be re-read; keeping those in force: {}", e.getMessage());
        }
    }

    private Snapshot snapshot(Map<String, String> stored, @Nullable ClinicLogo logo) {
        Map<Setting, String> values = new EnumMap<>(defaultValues);
        stored.forEach((property, value) -> Setting.ofProperty(property).ifPresent(s -> values.put(s, value.strip())));
        ZoneId zone;
        try {
            zone = ZoneId.of(values.get(Setting.TIME_ZONE));
        } catch (RuntimeException e) {
            zone = defaults.timeZone();
        }
        return new Snapshot(Map.copyOf(values), zone, values.get(Setting.PHONE_REGION).toUpperCase(Locale.ROOT), logo);
    }

    /** The value in force, as text (as in application.properties). */
    public String value(Setting setting) {
        return snapshot.values().get(setting);
    }

    /** The first-start default: the environment's value, or the application's own. */
    public String defaultValue(Setting setting) {
        return defaultValues.get(setting);
    }

    /** The clinic's time zone: every clinic-local date and time is read in it. */
    public ZoneId timeZone() {
        return snapshot.zone();
    }

    /** The region (ISO 3166 code) assumed for phone numbers typed without a country code. */
    public String phoneRegion() {
        return snapshot.region();
    }

    /** The language of waiting-room announcements, as a BCP 47 tag (e.g. {@code en-GB}). */
    public String displayLanguage() {
        return value(Setting.DISPLAY_LANGUAGE);
    }

    /** The clinic as paper names it, with the logo uploaded on screen (kept in memory: it is at most 256 KB). */
    public ClinicIdentity identity() {
        Snapshot now = snapshot; // one snapshot: the name and the logo of the same moment
        Map<Setting, String> values = now.values();
        return new ClinicIdentity(values.get(Setting.NAME), ClinicIdentity.lines(values.get(Setting.ADDRESS)),
                values.get(Setting.PHONE), now.logo());
    }

    /** A duration setting ("30m", "2h", "PT45M"); its default when the text cannot be read. */
    public Duration duration(Setting setting) {
        Duration parsed = parseDuration(value(setting));
        if (parsed == null) {
            parsed = parseDuration(defaultValue(setting));
        }
        return parsed == null ? Duration.ZERO : parsed;
    }

    /** A whole-number setting; its default when the text cannot be read. */
    public int number(Setting setting) {
        try {
            return Integer.parseInt(value(setting));
        } catch (NumberFormatException e) {
            return Integer.parseInt(defaultValue(setting));
        }
    }

    /** A list setting, comma-separated. */
    public List<String> list(Setting setting) {
        return Arrays.stream(value(setting).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** How often a live screen may refresh at most (not changed on screen). */
    public ClinicDefaults.Live live() {
        return defaults.live();
    }

    /** A clock telling {@code time}'s time in the clinic's zone of the moment of each reading. */
    public Clock following(Clock time) {
        return new ZoneFollowingClock(time, this::timeZone);
    }

    /** "45m", "2h", "PT45M" or "45" (minutes); null when none of these. */
    public static @Nullable Duration parseDuration(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        try {
            return trimmed.matches("\\d+") ? Duration.ofMinutes(Long.parseLong(trimmed))
                    : DurationStyle.detectAndParse(trimmed);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
