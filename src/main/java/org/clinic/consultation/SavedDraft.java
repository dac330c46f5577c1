package org.clinic.consultation;

import java.time.Instant;

/** A draft saved: its new version (to send with the next save) and when. */
public record SavedDraft(long version, Instant savedAt) {
}
