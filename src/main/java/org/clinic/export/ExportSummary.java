package org.clinic.export;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * An export as the Exports screen shows it.
 *
 * @param subject   what it covers, in words ("Anna Smith · MRN 000123")
 * @param rowsTotal the number of visits to write, once the job has read them
 */
public record ExportSummary(UUID id, ExportKind kind, String subject, String requestedBy, String requesterName,
                            ExportState state, int rowsDone, @Nullable Integer rowsTotal, String fileName,
                            Instant createdAt, @Nullable Instant finishedAt, @Nullable Instant expiresAt,
                            @Nullable String error) {

    /** How far it is, from 0 to 1; a finished export is complete whatever its row count. */
    public double progress() {
        if (state == ExportState.READY || state == ExportState.EXPIRED) {
            return 1;
        }
        if (rowsTotal == null || rowsTotal == 0) {
            return 0;
        }
        return Math.min(1, rowsDone / (double) rowsTotal);
    }

    public boolean running() {
        return state == ExportState.RUNNING;
    }

    public boolean downloadable() {
        return state == ExportState.READY;
    }
}
