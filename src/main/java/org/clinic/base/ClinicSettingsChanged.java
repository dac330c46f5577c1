package org.clinic.base;

import java.util.Set;

/**
 * Settings were changed on screen (their property names; {@code clinic.logo} for the logo). Every node re-reads
 * its {@link ClinicSettings} after the commit, then screens and schedules follow.
 */
public record ClinicSettingsChanged(Set<String> properties) implements LiveEvent {

    public ClinicSettingsChanged {
        properties = Set.copyOf(properties);
    }

    public boolean touches(Setting setting) {
        return properties.contains(setting.property());
    }
}
