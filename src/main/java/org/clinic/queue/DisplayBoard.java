package org.clinic.queue;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What a waiting-room display shows: tokens and rooms, and initials only when the display is set to show them.
 * Never a name, never clinical content. The title names the doctor or the specialty; it is empty on the whole
 * clinic's display, which shows the clinic's own name (a setting that may change while the day's board is kept).
 */
public record DisplayBoard(String title, List<Call> calls, List<Waiting> waiting) {

    /** A call or recall; {@code id} grows with every call, so a display knows which ones it has not announced. */
    public record Call(long id, String token, String room, boolean recall, Instant at, @Nullable String initials) {
    }

    public record Waiting(String token, String room, @Nullable String initials) {
    }
}
