package org.clinic.base;

/**
 * The clinic settings an administrator may change on screen. Each is named by its property in
 * application.properties, whose value (or the environment variable behind it) is the default until the setting is
 * changed on screen; the database (V078's clinic_setting) then holds the choice.
 */
public enum Setting {
    NAME("clinic.name", "Clinic name", "Clinic"),
    ADDRESS("clinic.address", "Address", ""),
    PHONE("clinic.phone", "Phone", ""),
    TIME_ZONE("clinic.time-zone", "Time zone", "UTC"),
    PHONE_REGION("clinic.phone-region", "Phone region", "GB"),
    DISPLAY_LANGUAGE("clinic.display.language", "Display language", "en-GB"),
    PRIORITY_LANES("clinic.queue.lanes", "Priority lanes", "SENIOR,PREGNANT,DISABILITY,CHILD"),
    SKIP_PLACES("clinic.queue.skip-places", "Places moved back on a skip", "3"),
    EARLY_ARRIVAL("clinic.queue.early-arrival", "Check-in opens before the appointment", "2h"),
    LONG_WAIT("clinic.queue.long-wait", "Long wait after", "30m"),
    SAME_DAY_REMINDERS("clinic.reminders.same-day-cron", "Same-day reminders", "0 0 8 * * *"),
    DAY_BEFORE_REMINDERS("clinic.reminders.day-before-cron", "Day-before reminders", "-");

    private final String property;
    private final String label;
    private final String fallback;

    Setting(String property, String label, String fallback) {
        this.property = property;
        this.label = label;
        this.fallback = fallback;
    }

    /** How the settings screen and its history name it. */
    public String label() {
        return label;
    }

    /** The property name, also the key in the database. */
    public String property() {
        return property;
    }

    /** Used when the environment does not set the property either. */
    String fallback() {
        return fallback;
    }

    public static java.util.Optional<Setting> ofProperty(String property) {
        for (Setting setting : values()) {
            if (setting.property.equals(property)) {
                return java.util.Optional.of(setting);
            }
        }
        return java.util.Optional.empty();
    }
}
