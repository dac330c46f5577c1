package org.clinic.base;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A QR code of a short text (a visit link), drawn on the server: as SVG for screens and print (crisp at any size,
 * shown as a {@code data:} image, which the Content-Security-Policy allows) and as PNG for email. Error correction M
 * and the standard four-module quiet zone, so a phone reads it from paper or a screen.
 */
public final class QrCode {

    private static final int QUIET_ZONE = 4;

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    public static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, QUIET_ZONE)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " characters", e);
        }
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return modules.getWidth();
    }

    /** One path of unit squares on a white square; scales to whatever size it is shown at. */
    public String svg() {
        int n = size();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The SVG as a {@code data:} address for an image element. */
    public String svgDataUri() {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg().getBytes(StandardCharsets.UTF_8));
    }

    /** A black-and-white PNG with {@code pixelsPerModule} pixels per module. */
    public byte[] png(int pixelsPerModule) {
        int n = size();
        BufferedImage image = new BufferedImage(n * pixelsPerModule, n * pixelsPerModule, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < n * pixelsPerModule; y++) {
            for (int x = 0; x < n * pixelsPerModule; x++) {
                image.setRGB(x, y, modules.get(x / pixelsPerModule, y / pixelsPerModule) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
