package org.clinic.queue;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** What a waiting-room display covers: the whole clinic, one specialty or one doctor. */
public record DisplayScope(Kind kind, @Nullable UUID id) {

    public enum Kind { CLINIC, SPECIALTY, DOCTOR }

    public static DisplayScope clinic() {
        return new DisplayScope(Kind.CLINIC, null);
    }
}
