package org.clinic.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;

/**
 * A report as CSV (RFC 4180): one table of section, item, detail and value, so it sorts and filters in a
 * spreadsheet. UTF-8 with a byte-order mark, so spreadsheets read the names right; any cell that a spreadsheet
 * would take for a formula is neutralised with a leading quote (names and diagnoses are typed by people).
 */
final class ReportCsv {

    private static final String BOM = "\uFEFF";

    private ReportCsv() {
    }

    static byte[] write(MonthlyReport report, String clinicName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            // before the printer, which writes the header as soon as it is made
            writer.write(BOM);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader("Section", "Item", "Detail", "Value").get());
            MonthlyFigures f = report.figures();
            row(csv, "Report", "Clinic", "", clinicName);
            row(csv, "Report", report.wholeClinic() ? "Scope" : "Doctor", report.detail(), report.subject());
            row(csv, "Report", "Month", ReportText.period(report), report.month().toString());
            row(csv, "Appointments", "Booked", "visits in the month", f.booked());
            row(csv, "Appointments", "Completed", "", f.completed());
            row(csv, "Appointments", "Cancelled", "", f.cancelled());
            row(csv, "Appointments", "No-show", "", f.noShow());
            row(csv, "Consultations", "Completed", "", f.consultations());
            row(csv, "Consultations", "Unique patients", "", f.uniquePatients());
            row(csv, "Waiting", "Average wait (seconds)", "check-in to call, " + f.waits() + " measured",
                    seconds(f.waitAverage()));
            row(csv, "Waiting", "90th percentile wait (seconds)", "", seconds(f.waitP90()));
            row(csv, "Consultation time", "Average (seconds)", "start to completion, " + f.timed() + " measured",
                    seconds(f.consultationAverage()));
            row(csv, "Consultation time", "90th percentile (seconds)", "", seconds(f.consultationP90()));
            for (DayOfWeek day : DayOfWeek.values()) {
                row(csv, "Consultations by weekday", ReportText.weekday(day), "", f.onWeekday(day));
            }
            for (int h = 0; h < 24; h++) {
                if (f.byHour().get(h) > 0) {
                    row(csv, "Consultations by hour", ReportText.hour(h), "", f.byHour().get(h));
                }
            }
            for (MonthlyFigures.Diagnosis d : f.topDiagnoses()) {
                row(csv, "Top diagnoses", d.code(), d.title() == null ? "" : d.title(), d.count());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void row(CSVPrinter csv, String section, String item, String detail, Object value)
            throws IOException {
        csv.printRecord(safe(section), safe(item), safe(detail), value instanceof String s ? safe(s) : value);
    }

    private static String seconds(@org.jspecify.annotations.Nullable Duration duration) {
        return duration == null ? "" : Long.toString(duration.toSeconds());
    }

    /** A cell a spreadsheet would run as a formula (or that starts with a tab or return) gets a leading quote. */
    static String safe(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
