package org.clinic.base;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Logos as a clinic might upload them, drawn for tests: a teal mark with a white cross and a word beside it. */
public final class TestLogos {

    private TestLogos() {
    }

    /** A PNG of {@code width} × {@code height} pixels on a transparent background. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int side = Math.min(width, height);
        g.setColor(new Color(0x0b6e69));
        g.fillOval(0, 0, side, side);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(side / 6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(side / 2, side / 4, side / 2, side * 3 / 4);
        g.drawLine(side / 4, side / 2, side * 3 / 4, side / 2);
        if (width > side * 2) { // the word in the room beside the mark, as large as fits
            g.setColor(new Color(0x0b6e69));
            int left = side + side / 5;
            int size = side / 2;
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            while (size > 6 && g.getFontMetrics().stringWidth("Riverside") > width - left - 2) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, --size));
            }
            java.awt.FontMetrics metrics = g.getFontMetrics();
            g.drawString("Riverside", left, (height + metrics.getAscent() - metrics.getDescent()) / 2);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static ClinicLogo logo(int width, int height) {
        return new ClinicLogo("image/png", png(width, height), width, height);
    }
}
