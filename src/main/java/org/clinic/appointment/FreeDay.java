package org.clinic.appointment;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * One doctor's day in a week of free slots: how many can still be booked before noon and from noon on, or why none
 * can.
 *
 * @param why the reason the doctor does not work that day (leave, a clinic holiday, no hours), when closed
 */
public record FreeDay(LocalDate date, int morning, int afternoon, State state, @Nullable String why) {

    public enum State {
        /** At least one slot can be booked. */
        FREE,
        /** Every place or every slot is taken. */
        FULL,
        /** The doctor works that day, but every slot left has begun or passed. */
        OVER,
        /** The doctor does not work that day. */
        CLOSED
    }

    public int free() {
        return morning + afternoon;
    }
}
