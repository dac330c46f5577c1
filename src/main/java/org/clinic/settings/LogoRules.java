package org.clinic.settings;

import org.clinic.base.ClinicLogo;
import org.clinic.base.RuleViolation;
import org.jspecify.annotations.Nullable;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * What a logo may be: a PNG or JPEG (told by its bytes, not by what the browser claims) of at most
 * {@link ClinicLogo#MAX_BYTES} bytes and {@link ClinicLogo#MAX_SIDE} pixels a side. SVG is refused: it may carry
 * script. Only the image's header is read to learn its size, so a crafted huge image is not decoded.
 */
final class LogoRules {

    static final String FIELD = "logo";

    private LogoRules() {
    }

    static ClinicLogo check(byte[] image) {
        if (image.length == 0) {
            throw new RuleViolation(FIELD, "The file is empty");
        }
        if (image.length > ClinicLogo.MAX_BYTES) {
            throw new RuleViolation(FIELD, "The logo may be at most " + ClinicLogo.MAX_BYTES / 1024 + " KB; this file is "
                    + image.length / 1024 + " KB");
        }
        String type = typeOf(image);
        if (type == null) {
            throw new RuleViolation(FIELD, "Upload a PNG or JPEG image");
        }
        int[] size = size(image);
        if (size == null) {
            throw new RuleViolation(FIELD, "The image cannot be read; save it again as PNG or JPEG");
        }
        if (size[0] > ClinicLogo.MAX_SIDE || size[1] > ClinicLogo.MAX_SIDE) {
            throw new RuleViolation(FIELD, "At most " + ClinicLogo.MAX_SIDE + " pixels a side; this one is "
                    + size[0] + " × " + size[1]);
        }
        return new ClinicLogo(type, image.clone(), size[0], size[1]);
    }

    /** A stored logo (checked when it was uploaded). */
    static ClinicLogo read(byte[] image) {
        int[] size = size(image);
        String type = typeOf(image);
        return new ClinicLogo(type == null ? "image/png" : type, image, size == null ? 0 : size[0],
                size == null ? 0 : size[1]);
    }

    private static @Nullable String typeOf(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0d && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private static int @Nullable [] size(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[]{reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
