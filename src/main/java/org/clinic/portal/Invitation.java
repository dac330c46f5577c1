package org.clinic.portal;

import java.time.Instant;

/** An invitation code for a patient, shown once (to print or read out); only its hash is kept. */
public record Invitation(String code, Instant expiresAt) {
}
