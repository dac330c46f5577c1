package org.clinic.appointment.ui;

import org.clinic.appointment.AppointmentStatus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The line over the day's list, read at a glance: how many are shown, then each state that has any, in the order
 * of the day ("51 shown · 12 to come · 2 checked in · 1 with the doctor · 35 completed · 1 cancelled"). A completed
 * visit is not counted as active or to come.
 */
final class DayCounts {

    private DayCounts() {
    }

    static String describe(List<AppointmentStatus> statuses) {
        if (statuses.isEmpty()) {
            return "No appointments shown";
        }
        Map<AppointmentStatus, Integer> counts = new EnumMap<>(AppointmentStatus.class);
        statuses.forEach(s -> counts.merge(s, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        parts.add(statuses.size() + " shown");
        for (AppointmentStatus status : AppointmentStatus.values()) {
            int n = counts.getOrDefault(status, 0);
            if (n > 0) {
                parts.add(n + " " + switch (status) {
                    case SCHEDULED -> "to come";
                    case CHECKED_IN -> "checked in";
                    case IN_CONSULTATION -> "with the doctor";
                    case COMPLETED -> "completed";
                    case CANCELLED -> "cancelled";
                    case NO_SHOW -> n == 1 ? "no-show" : "no-shows";
                });
            }
        }
        return String.join(" · ", parts);
    }
}
