package org.clinic.base;

import java.util.Arrays;
import java.util.Base64;

/**
 * The clinic's logo as uploaded on the settings screen: a PNG or JPEG of at most {@link #MAX_BYTES} bytes, checked
 * there. Printed beside the clinic's name ({@link ClinicIdentity#logo()}); on a page it is a {@link #dataUri() data:}
 * image, which the Content-Security-Policy allows ({@code img-src 'self' data:}).
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

    /** The image as a {@code data:} URI, for an {@code <img>} on any page. */
    public String dataUri() {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(image);
    }

    /** The same picture: the same type and bytes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClinicLogo l && contentType.equals(l.contentType) && Arrays.equals(image, l.image);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return "ClinicLogo[" + description() + "]";
    }
}
