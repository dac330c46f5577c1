package org.clinic.base;

import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two codes of a visit. The visit code is the capability behind the public position page
 * ({@code /visit/<code>}): 144 random bits, URL-safe Base64, never derived from anything. The booking code is what a
 * patient types at the kiosk: seven characters from an alphabet without look-alikes (no 0/O, no 1/I/L), always
 * asked for together with the date of birth; the database keeps it unique per day.
 */
public final class VisitCodes {

    public static final String BOOKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int BOOKING_LENGTH = 7;
    private static final int VISIT_BYTES = 18;
    private static final Pattern VISIT = Pattern.compile("[A-Za-z0-9_-]{24}");
    private static final Pattern BOOKING = Pattern.compile("[" + BOOKING_ALPHABET + "]{" + BOOKING_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitCodes() {
    }

    public static String newVisitCode() {
        byte[] bytes = new byte[VISIT_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String newBookingCode() {
        StringBuilder code = new StringBuilder(BOOKING_LENGTH);
        for (int i = 0; i < BOOKING_LENGTH; i++) {
            code.append(BOOKING_ALPHABET.charAt(RANDOM.nextInt(BOOKING_ALPHABET.length())));
        }
        return code.toString();
    }

    public static boolean isVisitCode(@Nullable String text) {
        return text != null && VISIT.matcher(text).matches();
    }

    /**
     * A typed booking code as stored: upper case, without spaces or dashes; {@code null} if it cannot be one (wrong
     * length, or a character the alphabet does not use).
     */
    public static @Nullable String bookingCode(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return BOOKING.matcher(code).matches() ? code : null;
    }

    /**
     * The visit code in what a hand-held scanner typed: a whole visit link ({@code https://…/visit/<code>}, with or
     * without a query) or the bare code; {@code null} if there is none.
     */
    public static @Nullable String visitCodeIn(@Nullable String scanned) {
        if (scanned == null) {
            return null;
        }
        String text = scanned.strip();
        int at = text.lastIndexOf("/visit/");
        if (at >= 0) {
            text = text.substring(at + "/visit/".length());
            int end = text.indexOf('?') >= 0 ? text.indexOf('?') : text.indexOf('#');
            if (end >= 0) {
                text = text.substring(0, end);
            }
            if (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return isVisitCode(text) ? text : null;
    }
}
