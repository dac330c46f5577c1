package org.clinic.report;

import org.clinic.base.ClinicIdentity;
import org.clinic.base.ClinicLogo;
import org.clinic.base.TestLogos;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly report's PDF header: the clinic's logo beside its name when one was uploaded, else the name alone. */
class ReportPdfTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void the_header_carries_the_clinics_logo_beside_its_name() throws IOException {
        byte[] pdf = ReportPdf.write(report(), new ClinicIdentity("Riverside Clinic", List.of(), "",
                TestLogos.logo(240, 80)), ZoneId.of("Europe/London"));
        save(pdf, "report-with-logo.pdf");

        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(images(reader)).as("the logo (and its transparency mask)").isPositive();
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Riverside Clinic",
                    "MONTHLY ACTIVITY REPORT", "Dr Mei Chen");
        }
    }

    @Test
    void without_a_logo_the_name_stands_alone() throws IOException {
        byte[] pdf = ReportPdf.write(report(), new ClinicIdentity("Riverside Clinic", List.of(), ""),
                ZoneId.of("Europe/London"));
        save(pdf, "report-without-logo.pdf");

        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(images(reader)).isZero();
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Riverside Clinic");
        }
    }

    @Test
    void a_logo_the_pdf_library_cannot_read_leaves_the_name_alone_rather_than_no_report() throws IOException {
        ClinicLogo unreadable = new ClinicLogo("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, 10, 10);
        byte[] pdf = ReportPdf.write(report(), new ClinicIdentity("Riverside Clinic", List.of(), "", unreadable),
                ZoneId.of("Europe/London"));

        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(images(reader)).isZero();
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Riverside Clinic");
        }
    }

    private static int images(PdfReader reader) {
        PdfDictionary resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES);
        PdfDictionary objects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
        return objects == null ? 0 : objects.getKeys().size();
    }

    private static MonthlyReport report() {
        MonthlyFigures figures = new MonthlyFigures(12, 9, 2, 1, 8, 9, 9, Duration.ofMinutes(14),
                Duration.ofMinutes(31), 9, Duration.ofMinutes(12), Duration.ofMinutes(20),
                List.of(2, 2, 1, 2, 2, 0, 0), Collections.nCopies(24, 0),
                List.of(new MonthlyFigures.Diagnosis("I10", "Essential hypertension", 3)));
        return new MonthlyReport(UUID.randomUUID(), "Dr Mei Chen", "General practice · Room 4", YearMonth.of(2025, 1),
                LocalDate.of(2025, 1, 31), false, figures, Instant.parse("2025-02-01T06:00:00Z"));
    }

    /** Kept beside the screenshots, to look at as paper (pdftoppm turns it into a picture). */
    private static void save(byte[] pdf, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), pdf);
    }
}
