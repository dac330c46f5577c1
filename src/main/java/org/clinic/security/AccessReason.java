package org.clinic.security;

/**
 * Why a patient's data was read: {@link #CARE} when the reader looks after the patient (or does front-desk work), or
 * the reason a doctor gave to break the glass, which flags the read.
 */
public record AccessReason(String text, boolean brokeGlass) {

    public static final AccessReason CARE = new AccessReason("care", false);
    /** A patient reading their own data in the portal (or its export). */
    public static final AccessReason OWN_RECORD = new AccessReason("own data (portal)", false);
    public static final int MIN_LENGTH = 5;
    public static final int MAX_LENGTH = 300;

    public AccessReason {
        if (text.isBlank() || text.length() > MAX_LENGTH || brokeGlass && text.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("An access reason has " + MIN_LENGTH + "–" + MAX_LENGTH
                    + " characters");
        }
    }
}
