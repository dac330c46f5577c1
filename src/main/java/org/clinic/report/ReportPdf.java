package org.clinic.report;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import org.clinic.base.ClinicIdentity;
import org.clinic.base.ClinicLogo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A report as a one-page A4 PDF: the clinic's header (its logo beside its name, when one was uploaded), who and when,
 * the figures, weekdays and hours, diagnoses.
 */
final class ReportPdf {

    private static final Logger log = LoggerFactory.getLogger(ReportPdf.class);
    /** The logo at most this high and wide in the header, in points (about 14 × 49 mm). */
    private static final float LOGO_HEIGHT = 40;
    private static final float LOGO_WIDTH = 140;

    private static final Color ACCENT = new Color(0x0b, 0x6e, 0x69);
    private static final Color TEXT = new Color(0x1f, 0x2d, 0x3d);
    private static final Color MUTED = new Color(0x5f, 0x6b, 0x7a);
    private static final Color RULE = new Color(0xd5, 0xdc, 0xe3);
    private static final Color SOFT = new Color(0xe3, 0xf2, 0xf0);
    private static final Color HIGHLIGHT = new Color(0xc4, 0xe5, 0xe1);

    private static final Font CLINIC = new Font(Font.HELVETICA, 17, Font.BOLD, ACCENT);
    private static final Font KICKER = new Font(Font.HELVETICA, 9, Font.NORMAL, MUTED);
    private static final Font TITLE = new Font(Font.HELVETICA, 15, Font.BOLD, TEXT);
    private static final Font BODY = new Font(Font.HELVETICA, 9.5f, Font.NORMAL, TEXT);
    private static final Font BODY_BOLD = new Font(Font.HELVETICA, 9.5f, Font.BOLD, TEXT);
    private static final Font SECTION = new Font(Font.HELVETICA, 11, Font.BOLD, ACCENT);
    private static final Font LABEL = new Font(Font.HELVETICA, 8, Font.NORMAL, MUTED);
    private static final Font FIGURE = new Font(Font.HELVETICA, 16, Font.BOLD, TEXT);
    private static final Font SMALL = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, MUTED);

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private ReportPdf() {
    }

    static byte[] write(MonthlyReport report, ClinicIdentity clinic, ZoneId zone) {
        String clinicName = clinic.name();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 44, 44, 40, 40);
        try {
            PdfWriter.getInstance(document, bytes);
            document.addTitle("Monthly activity report · " + report.subject() + " · " + ReportText.month(report.month()));
            document.addAuthor(clinicName);
            document.addCreationDate();
            document.open();
            header(document, report, clinicName, logo(clinic.logo()));
            keyFigures(document, report.figures());
            times(document, report.figures());
            weekdays(document, report.figures());
            hours(document, report.figures());
            diagnoses(document, report.figures());
            Paragraph note = new Paragraph("Generated " + GENERATED.format(report.computedAt().atZone(zone))
                    + " (" + zone.getId() + "). Appointments count by the day of the visit. Waits run from check-in "
                    + "to the call; consultation time from its start to its completion. The 90th percentile is the "
                    + "time that nine in ten stayed within.", SMALL);
            note.setSpacingBefore(14);
            document.add(note);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not write the report PDF", e);
        } finally {
            document.close();
        }
        return bytes.toByteArray();
    }

    private static void header(Document document, MonthlyReport report, String clinicName, @Nullable Image logo) {
        PdfPCell clinic = cell(new Phrase(clinicName, CLINIC), Element.ALIGN_LEFT);
        PdfPCell kind = cell(new Phrase("MONTHLY ACTIVITY REPORT", KICKER), Element.ALIGN_RIGHT);
        kind.setVerticalAlignment(Element.ALIGN_BOTTOM);
        PdfPCell[] cells;
        PdfPTable top;
        if (logo == null) {
            top = new PdfPTable(new float[]{3, 2});
            cells = new PdfPCell[]{clinic, kind};
        } else {
            float rest = document.right() - document.left() - logo.getScaledWidth() - 12;
            top = new PdfPTable(new float[]{logo.getScaledWidth() + 12, rest * 3 / 5, rest * 2 / 5});
            PdfPCell image = new PdfPCell(logo, false);
            image.setBorder(Rectangle.NO_BORDER);
            image.setVerticalAlignment(Element.ALIGN_MIDDLE);
            image.setPaddingRight(12);
            cells = new PdfPCell[]{image, clinic, kind};
        }
        top.setWidthPercentage(100);
        for (PdfPCell c : cells) {
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(ACCENT);
            c.setBorderWidthBottom(1.5f);
            c.setPaddingBottom(8);
            c.setPaddingLeft(0);
            c.setPaddingRight(0);
            top.addCell(c);
        }
        document.add(top);
        Paragraph subject = new Paragraph(report.subject(), TITLE);
        subject.setSpacingBefore(12);
        document.add(subject);
        Paragraph detail = new Paragraph(report.detail() + "  ·  " + ReportText.period(report), BODY);
        detail.setSpacingAfter(10);
        document.add(detail);
    }

    private static void keyFigures(Document document, MonthlyFigures f) {
        PdfPTable grid = new PdfPTable(4);
        grid.setWidthPercentage(100);
        figure(grid, "Appointments booked", Integer.toString(f.booked()), "visits in the month");
        figure(grid, "Completed", Integer.toString(f.completed()), ReportText.share(f.completed(), f.booked()) + " of booked");
        figure(grid, "Cancelled", Integer.toString(f.cancelled()), ReportText.share(f.cancelled(), f.booked()) + " of booked");
        figure(grid, "No-show", Integer.toString(f.noShow()), ReportText.share(f.noShow(), f.booked()) + " of booked");
        figure(grid, "Consultations", Integer.toString(f.consultations()), "completed");
        figure(grid, "Unique patients", Integer.toString(f.uniquePatients()), "seen in the month");
        figure(grid, "Average wait", ReportText.duration(f.waitAverage()), "check-in to call");
        figure(grid, "Average consultation", ReportText.duration(f.consultationAverage()), "start to completion");
        document.add(grid);
    }

    private static void figure(PdfPTable grid, String label, String value, String note) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.BOX);
        cell.setBorderColor(Color.WHITE);
        cell.setBorderWidth(3);
        cell.setBackgroundColor(SOFT);
        cell.setPadding(7);
        cell.addElement(new Paragraph(label, LABEL));
        Paragraph number = new Paragraph(value, FIGURE);
        number.setSpacingBefore(2);
        cell.addElement(number);
        cell.addElement(new Paragraph(note, LABEL));
        grid.addCell(cell);
    }

    private static void times(Document document, MonthlyFigures f) {
        section(document, "Waiting and consultation time");
        PdfPTable table = new PdfPTable(new float[]{3.2f, 2, 2, 1.6f});
        table.setWidthPercentage(100);
        headerRow(table, 1, "", "Average", "90th percentile", "Measured");
        bodyRow(table, false, 1, "Wait (check-in to call)", ReportText.duration(f.waitAverage()),
                ReportText.duration(f.waitP90()), Integer.toString(f.waits()));
        bodyRow(table, false, 1, "Consultation (start to completion)", ReportText.duration(f.consultationAverage()),
                ReportText.duration(f.consultationP90()), Integer.toString(f.timed()));
        document.add(table);
    }

    private static void weekdays(Document document, MonthlyFigures f) {
        section(document, "Busiest weekdays (consultations)");
        PdfPTable table = new PdfPTable(new float[]{2.4f, 1, 1, 1, 1, 1, 1, 1});
        table.setWidthPercentage(100);
        int max = f.byWeekday().stream().mapToInt(Integer::intValue).max().orElse(0);
        table.addCell(leftHead(""));
        for (DayOfWeek day : DayOfWeek.values()) {
            table.addCell(headCell(ReportText.weekday(day)));
        }
        table.addCell(bodyCell("Consultations", false, Element.ALIGN_LEFT, false));
        for (DayOfWeek day : DayOfWeek.values()) {
            int n = f.onWeekday(day);
            table.addCell(bodyCell(Integer.toString(n), n == max && max > 0, Element.ALIGN_CENTER, false));
        }
        document.add(table);
    }

    private static void hours(Document document, MonthlyFigures f) {
        section(document, "Busiest hours (consultations by starting hour)");
        int[] span = ReportText.hourSpan(f);
        int columns = span[1] - span[0] + 1;
        float[] widths = new float[columns + 1];
        widths[0] = 2.4f;
        for (int i = 1; i <= columns; i++) {
            widths[i] = 1;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        int max = f.byHour().stream().mapToInt(Integer::intValue).max().orElse(0);
        table.addCell(leftHead("From"));
        for (int h = span[0]; h <= span[1]; h++) {
            table.addCell(headCell(String.format("%02d:00", h)));
        }
        table.addCell(bodyCell("Consultations", false, Element.ALIGN_LEFT, false));
        for (int h = span[0]; h <= span[1]; h++) {
            int n = f.byHour().get(h);
            table.addCell(bodyCell(Integer.toString(n), n == max && max > 0, Element.ALIGN_CENTER, false));
        }
        document.add(table);
    }

    private static void diagnoses(Document document, MonthlyFigures f) {
        section(document, "Top diagnoses by code");
        if (f.topDiagnoses().isEmpty()) {
            document.add(new Paragraph("No coded diagnoses in this month.", BODY));
            return;
        }
        PdfPTable table = new PdfPTable(new float[]{1.2f, 5, 1.6f, 1.2f});
        table.setWidthPercentage(100);
        headerRow(table, 2, "Code", "Diagnosis", "Consultations", "Share");
        boolean stripe = false;
        for (MonthlyFigures.Diagnosis d : f.topDiagnoses()) {
            bodyRow(table, stripe, 2, d.code(), d.title() == null ? "" : d.title(), Integer.toString(d.count()),
                    ReportText.share(d.count(), f.consultations()));
            stripe = !stripe;
        }
        document.add(table);
    }

    private static void section(Document document, String title) {
        Paragraph heading = new Paragraph(title, SECTION);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(5);
        document.add(heading);
    }

    /** A header row; the first {@code leftColumns} columns are text (left), the rest figures (right). */
    private static void headerRow(PdfPTable table, int leftColumns, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            PdfPCell cell = headCell(texts[i]);
            cell.setHorizontalAlignment(i < leftColumns ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            table.addCell(cell);
        }
    }

    private static void bodyRow(PdfPTable table, boolean stripe, int leftColumns, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            table.addCell(bodyCell(texts[i], false, i < leftColumns ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT,
                    stripe));
        }
    }

    private static PdfPCell leftHead(String text) {
        PdfPCell cell = headCell(text);
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        return cell;
    }

    private static PdfPCell headCell(String text) {
        PdfPCell cell = cell(new Phrase(text, LABEL), Element.ALIGN_CENTER);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPaddingBottom(4);
        return cell;
    }

    private static PdfPCell bodyCell(String text, boolean strong, int align, boolean stripe) {
        PdfPCell cell = cell(new Phrase(text, strong ? BODY_BOLD : BODY), align);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        if (strong) {
            cell.setBackgroundColor(HIGHLIGHT);
        } else if (stripe) {
            cell.setBackgroundColor(SOFT);
        }
        return cell;
    }

    /** The logo scaled to fit the header; null when there is none or it cannot be read (the name stands alone). */
    private static @Nullable Image logo(@Nullable ClinicLogo logo) {
        if (logo == null) {
            return null;
        }
        try {
            Image image = Image.getInstance(logo.image());
            image.scaleToFit(LOGO_WIDTH, LOGO_HEIGHT);
            return image;
        } catch (IOException | RuntimeException e) {
            log.warn("The clinic's logo ({}) could not be put in a report; printing the name alone: {}",
                    logo.description(), e.getMessage());
            return null;
        }
    }

    private static PdfPCell cell(Phrase phrase, int align) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPaddingLeft(4);
        cell.setPaddingRight(4);
        return cell;
    }
}
