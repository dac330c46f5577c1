package org.clinic.export;

import org.clinic.appointment.AppointmentSummary;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.PrescriptionLine;
import org.clinic.consultation.Vitals;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The export's columns, and one completed consultation as one row of them. Vitals get a column each, so they sort. */
final class VisitRows {

    static final List<String> HEADERS = List.of("Visit date", "Patient", "MRN", "Doctor", "Specialty", "Kind",
            "Reason", "Complaint", "History", "Examination", "Blood pressure (mmHg)", "Pulse (/min)",
            "Temperature (°C)", "SpO2 (%)", "Respiratory rate (/min)", "Weight (kg)", "Height (cm)", "BMI",
            "Diagnosis", "Diagnosis code", "Prescription", "Advice", "Follow-up", "Addenda");
    static final String NO_VISITS_OF_PATIENT = "No visits recorded for this patient";
    static final String NO_VISITS_OF_DOCTOR = "No visits recorded for this doctor in this period";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private VisitRows() {
    }

    /** @param appointment the booked appointment of the visit; null for a walk-in or a visit recorded from notes */
    static List<@Nullable Object> of(Consultation c, @Nullable AppointmentSummary appointment, ZoneId zone) {
        Vitals v = c.content().vitals();
        List<@Nullable Object> cells = new ArrayList<>(HEADERS.size());
        cells.add(DATE.format(c.visitDate()));
        cells.add(c.patientName());
        cells.add(org.clinic.patient.Mrn.display(c.patientMrn()));
        cells.add(c.doctorName());
        cells.add(c.specialty());
        cells.add(kind(c, appointment));
        cells.add(appointment == null ? null : appointment.reason());
        cells.add(c.content().chiefComplaint());
        cells.add(c.content().history());
        cells.add(c.content().examination());
        cells.add(v.bloodPressure());
        cells.add(v.pulse());
        cells.add(v.temperature());
        cells.add(v.spo2());
        cells.add(v.respiratoryRate());
        cells.add(v.weight());
        cells.add(v.height());
        cells.add(v.bmi());
        cells.add(c.content().diagnosis());
        cells.add(c.content().diagnosisCode());
        cells.add(c.content().prescription().stream().map(VisitRows::line).collect(Collectors.joining("\n")));
        cells.add(c.content().advice());
        cells.add(followUp(c));
        cells.add(c.addenda().stream()
                .map(a -> WHEN.format(a.writtenAt().atZone(zone)) + " " + a.authorName() + ": " + a.text())
                .collect(Collectors.joining("\n")));
        return cells;
    }

    /** The row a file without visits carries under its headers, so nobody takes it for a broken export. */
    static List<String> note(String text) {
        List<String> cells = new ArrayList<>(HEADERS.size());
        cells.add(text);
        while (cells.size() < HEADERS.size()) {
            cells.add("");
        }
        return cells;
    }

    private static String kind(Consultation c, @Nullable AppointmentSummary appointment) {
        if (appointment != null) {
            return appointment.kind().label();
        }
        return c.queueEntryId() != null ? "Walk-in" : "Recorded from earlier notes";
    }

    private static @Nullable String followUp(Consultation c) {
        if (c.content().followUpOn() == null && c.content().followUpNote() == null) {
            return null;
        }
        return Stream.of(c.content().followUpOn() == null ? null : DATE.format(c.content().followUpOn()),
                        c.content().followUpNote())
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    private static String line(PrescriptionLine line) {
        return Stream.of(line.medicine(), line.strength(), line.dose(), line.frequency(), line.duration(),
                        line.quantity(), line.instructions())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    }
}
