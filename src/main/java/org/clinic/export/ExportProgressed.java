package org.clinic.export;

import org.clinic.base.LiveEvent;

import java.util.UUID;

/** An export was requested, moved on, finished, was cancelled, failed or expired; screens re-read it. */
public record ExportProgressed(UUID exportId, String requestedBy) implements LiveEvent {
}
