package org.clinic.settings;

/**
 * The clinic's logo as uploaded: a PNG or JPEG of at most {@link #MAX_BYTES} bytes.
 *
 * @param contentType {@code image/png} or {@code image/jpeg}, decided from the bytes themselves
 */
public record ClinicLogo(String contentType, byte[] image, int width, int height) {

    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_SIDE = 2000;

    /** "PNG, 12 KB, 200 × 80 px". */
    public String description() {
        return ("image/png".equals(contentType) ? "PNG" : "JPEG") + ", " + Math.max(1, image.length / 1024) + " KB, "
                + width + " × " + height + " px";
    }
}
