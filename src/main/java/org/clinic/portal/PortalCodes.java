package org.clinic.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One-time codes: six digits for what is emailed (typed from a phone), ten letters and digits without look-alikes for
 * invitations (read out or printed). Only their SHA-256 hashes are stored; a code's hash is salted with the public
 * id of what it unlocks, so equal codes never share a hash.
 */
final class PortalCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVITATION_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private PortalCodes() {
    }

    static String emailCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** As printed: {@code ABCDE-23456}. */
    static String invitationCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(INVITATION_LETTERS.charAt(RANDOM.nextInt(INVITATION_LETTERS.length())));
        }
        return code.toString();
    }

    /** What a person typed for an invitation, as it is hashed: letters and digits only, upper case. */
    static String normalizedInvitation(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    static String emailCodeHash(Object salt, String code) {
        return sha256(salt + ":" + code.replaceAll("\\s", ""));
    }

    static String invitationHash(String typed) {
        return sha256("invitation:" + normalizedInvitation(typed));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
