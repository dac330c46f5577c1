package org.clinic.consultation;

import java.time.Instant;

/**
 * One save of a consultation as it was saved: every draft save and the completing one, oldest first.
 *
 * @param version    the consultation's version once this save was written
 * @param completing whether this save completed the consultation
 */
public record ConsultationVersion(long version, Instant savedAt, String savedBy, boolean completing,
                                  ConsultationContent content) {
}
