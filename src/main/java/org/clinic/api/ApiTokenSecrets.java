package org.clinic.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 256 random bits behind a recognisable prefix, kept as their SHA-256. A password needs a slow hash
 * (bcrypt, Argon2) because people choose guessable ones; a 256-bit random secret cannot be guessed or looked up in a
 * dictionary, so a fast hash is as safe, and each API call finds its token with one indexed lookup instead of
 * spending 100 ms of CPU on a slow hash (which would also make every call a denial-of-service lever).
 */
final class ApiTokenSecrets {

    static final String PREFIX = "clinic_";
    private static final int HINT_LENGTH = PREFIX.length() + 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    static String newSecret() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The first characters of a secret, to tell tokens apart on the screen. */
    static String hint(String secret) {
        return secret.substring(0, Math.min(HINT_LENGTH, secret.length())) + "…";
    }

    /** A secret of ours has the prefix and 43 URL-safe characters; anything else is refused before a lookup. */
    static boolean looksLikeOne(String secret) {
        return secret.length() == PREFIX.length() + 43 && secret.startsWith(PREFIX)
                && secret.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '-' || c == '_');
    }
}
