package org.clinic.api;

/** A token just created, with its secret: shown once, never stored, never shown again. */
public record IssuedApiToken(ApiTokenSummary token, String secret) {
}
