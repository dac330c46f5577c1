package org.clinic.doctor;

import java.time.LocalTime;

/** A bookable time on a doctor's day. */
public record Slot(LocalTime start, LocalTime end) implements Comparable<Slot> {

    @Override
    public int compareTo(Slot other) {
        return start.compareTo(other.start);
    }
}
