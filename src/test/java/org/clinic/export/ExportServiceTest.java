package org.clinic.export;

import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVRecord;
import org.clinic.base.RuleViolation;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationService;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.message.MailBox;
import org.clinic.patient.PatientService;
import org.clinic.security.ActingAs;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.clinic.security.AsPatient;
import org.clinic.patient.PatientReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinic.export.ExportFixtures.as;
import static org.clinic.export.ExportFixtures.asAdmin;

@SpringBootTest
class ExportServiceTest {

    @Autowired
    ExportService exports;
    @Autowired
    ExportExpiry expiry;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DoctorService doctors;
    @Autowired
    PatientService patients;
    @Autowired
    ConsultationService consultations;
    @Autowired
    org.clinic.appointment.AppointmentService appointments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    private ExportFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ExportFixtures(accounts, doctors, patients, consultations);
    }

    @Test
    void a_500_visit_patient_exports_with_progress_and_ends_ready_with_500_rows() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        fixtures.pastVisits(patient, doctor, 500);
        List<Integer> progress = Collections.synchronizedList(new ArrayList<>());

        ExportSummary done = whileListening(event -> progress.add(rowsDone(event.exportId())), () -> {
            ExportSummary started = as(doctor, () -> exports.exportPatient(patient));
            assertThat(started.state()).isEqualTo(ExportState.RUNNING);
            return finished(doctor, started.id());
        });

        assertThat(done.state()).isEqualTo(ExportState.READY);
        assertThat(done.rowsDone()).isEqualTo(500);
        assertThat(done.rowsTotal()).isEqualTo(500);
        List<Integer> moving = progress.stream().filter(n -> n > 0 && n < 500).toList();
        assertThat(moving).as("progress seen while running").hasSizeGreaterThan(10).isSorted();
        assertThat(moving.getLast()).isGreaterThan(moving.getFirst());
        List<CSVRecord> records = SafeCsvWriterTest.parse(as(doctor, () -> exports.download(done.id())).content());
        assertThat(records).hasSize(501);
        assertThat(records.getFirst().toList()).isEqualTo(VisitRows.HEADERS);
        assertThat(records.get(1).get(0))
                .as("oldest first").isEqualTo(LocalDate.now().minusDays(500).toString());
        assertThat(jdbc.sql("SELECT visits FROM export_audit a JOIN history_export e ON e.id = a.export_id"
                        + " WHERE e.public_id = :id").param("id", done.id().toString()).query(Integer.class).list())
                .as("one audit row for the patient").containsExactly(500);
    }

    @Test
    void a_patient_exports_their_own_history_and_only_they_can_open_it() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        UUID other = fixtures.patient();
        fixtures.pastVisits(patient, doctor, 3);
        PatientReference me = as(doctor, () -> patients.reference(patient));
        PatientReference them = as(doctor, () -> patients.reference(other));

        ExportSummary started = AsPatient.run(me.id(), me.internalId(), () -> exports.exportOwnHistory());
        ExportSummary done = until(() -> AsPatient.run(me.id(), me.internalId(), () -> exports.get(started.id())));

        assertThat(done.state()).isEqualTo(ExportState.READY);
        assertThat(done.rowsDone()).isEqualTo(3);
        List<CSVRecord> rows = SafeCsvWriterTest.parse(AsPatient.run(me.id(), me.internalId(),
                () -> exports.download(done.id())).content());
        assertThat(rows).hasSize(4);
        assertThat(AsPatient.run(me.id(), me.internalId(), () -> exports.ownExports()))
                .extracting(ExportSummary::id).containsExactly(done.id());
        assertThatThrownBy(() -> AsPatient.run(them.id(), them.internalId(), () -> exports.download(done.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsPatient.run(them.id(), them.internalId(), () -> exports.ownExports())).isEmpty();
        assertThatThrownBy(() -> AsPatient.run(me.id(), me.internalId(), () -> exports.exportPatient(other)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_access_log WHERE patient_id = ? AND what = 'EXPORT'"
                + " AND staff_role = 'PATIENT'").param(me.internalId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE dedup_key = ?").param("export:" + done.id())
                .query(Long.class).single()).as("no staff mail for a patient's own export").isZero();
    }

    @Test
    void each_visit_is_one_row_with_its_clinical_content_and_formula_cells_are_neutralised() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        ConsultationContent sample = ExportFixtures.content("-");
        fixtures.pastVisits(patient, doctor, 1, new ConsultationContent(sample.vitals(), "=1+2",
                "@SUM(1+1)*cmd|' /C calc'!A0", null, "-", "J02.9", sample.prescription(), "+HYPERLINK(\"x\")",
                null, null));

        ExportSummary done = finished(doctor, as(doctor, () -> exports.exportPatient(patient)).id());

        List<CSVRecord> rows = SafeCsvWriterTest.parse(as(doctor, () -> exports.download(done.id())).content());
        assertThat(rows).hasSize(2);
        CSVRecord visit = rows.get(1);
        assertThat(visit.get(column("Complaint"))).isEqualTo("'=1+2");
        assertThat(visit.get(column("History"))).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(visit.get(column("Diagnosis"))).isEqualTo("'-");
        assertThat(visit.get(column("Advice"))).isEqualTo("'+HYPERLINK(\"x\")");
        assertThat(visit.get(column("Blood pressure (mmHg)"))).isEqualTo("128/82");
        assertThat(visit.get(column("Temperature (°C)"))).isEqualTo("37.2");
        assertThat(visit.get(column("Diagnosis code"))).isEqualTo("J02.9");
        assertThat(visit.get(column("Prescription")))
                .isEqualTo("Paracetamol, 500 mg, 2 tablets, up to 4 times a day, 5 days");
        assertThat(visit.get(column("Doctor"))).isEqualTo(doctor.displayName());
        assertThat(visit.get(column("Specialty"))).isEqualTo("General practice");
        assertThat(visit.get(column("Kind"))).isEqualTo("Recorded from earlier notes");
    }

    @Test
    void arabic_han_and_cyrillic_names_round_trip_through_the_exported_bytes() throws Exception {
        DoctorSummary doctor = fixtures.doctor("陈美玲");
        UUID patient = fixtures.patient("Фатима", "الهاشمي");
        fixtures.pastVisits(patient, doctor, 2, ExportFixtures.content("Острый фарингит · 急性咽炎"));

        ExportSummary done = finished(doctor, as(doctor, () -> exports.exportPatient(patient)).id());

        List<CSVRecord> rows = SafeCsvWriterTest.parse(as(doctor, () -> exports.download(done.id())).content());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(VisitRows.HEADERS.indexOf("Patient"))).isEqualTo("Фатима الهاشمي");
        assertThat(rows.get(1).get(VisitRows.HEADERS.indexOf("Doctor"))).isEqualTo("陈美玲");
        assertThat(rows.get(2).get(VisitRows.HEADERS.indexOf("Diagnosis"))).isEqualTo("Острый фарингит · 急性咽炎");
        assertThat(done.subject()).startsWith("Фатима الهاشمي");
    }

    @Test
    void a_patient_without_visits_gets_the_headers_and_a_note_saying_so() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        booked(patient, doctor, java.time.LocalTime.of(10, 0));

        ExportSummary done = finished(doctor, as(doctor, () -> exports.exportPatient(patient)).id());

        assertThat(done.state()).isEqualTo(ExportState.READY);
        assertThat(done.rowsTotal()).isZero();
        List<CSVRecord> rows = SafeCsvWriterTest.parse(as(doctor, () -> exports.download(done.id())).content());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).toList()).isEqualTo(VisitRows.HEADERS);
        assertThat(rows.get(1).get(0)).isEqualTo("No visits recorded for this patient");
    }

    @Test
    void cancelling_stops_the_export_before_its_next_row_and_keeps_no_file() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        fixtures.pastVisits(patient, doctor, 60);
        AtomicBoolean cancelled = new AtomicBoolean();

        ExportSummary done = whileListening(event -> {
            if (rowsDone(event.exportId()) >= 5 && cancelled.compareAndSet(false, true)) {
                as(doctor, () -> exports.cancel(event.exportId()));
            }
        }, () -> finished(doctor, as(doctor, () -> exports.exportPatient(patient)).id()));

        assertThat(done.state()).isEqualTo(ExportState.CANCELLED);
        assertThat(done.rowsDone()).isBetween(5, 7);
        assertThat(jdbc.sql("SELECT file IS NULL FROM history_export WHERE public_id = :id")
                .param("id", done.id().toString()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM export_audit a JOIN history_export e ON e.id = a.export_id"
                + " WHERE e.public_id = :id").param("id", done.id().toString()).query(Integer.class).single())
                .as("nothing was exported").isZero();
        assertThatThrownBy(() -> as(doctor, () -> exports.download(done.id()))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_second_request_while_one_runs_shows_the_running_export_instead_of_starting_another() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        fixtures.pastVisits(patient, doctor, 60);
        AtomicReference<ExportSummary> second = new AtomicReference<>();

        ExportSummary first = whileListening(event -> {
            if (rowsDone(event.exportId()) >= 5 && second.get() == null) {
                second.set(as(doctor, () -> exports.exportPatient(patient)));
            }
        }, () -> finished(doctor, as(doctor, () -> exports.exportPatient(patient)).id()));

        assertThat(second.get().id()).isEqualTo(first.id());
        assertThat(second.get().state()).isEqualTo(ExportState.RUNNING);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM history_export e JOIN patient p ON p.id = e.patient_id"
                        + " WHERE p.public_id = :p").param("p", patient.toString()).query(Integer.class).single())
                .isEqualTo(1);
        ExportSummary again = as(doctor, () -> exports.exportPatient(patient));
        assertThat(again.id()).as("once finished, a new request is a new export").isNotEqualTo(first.id());
        finished(doctor, again.id());
    }

    @Test
    void requests_for_the_same_subject_at_the_same_moment_start_one_export() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        fixtures.pastVisits(patient, doctor, 100);
        int threads = 4;
        var ready = new java.util.concurrent.CountDownLatch(threads);
        var go = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<UUID>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return as(doctor, () -> exports.exportPatient(patient)).id();
                }));
            }
            ready.await();
            go.countDown();
            List<UUID> ids = new ArrayList<>();
            for (var result : results) {
                ids.add(result.get());
            }
            assertThat(ids).as("every caller is shown the one export").containsOnly(ids.getFirst());
            finished(doctor, ids.getFirst());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM history_export e JOIN patient p ON p.id = e.patient_id"
                        + " WHERE p.public_id = :p").param("p", patient.toString()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void receptionists_export_nothing_clinical() {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();

        assertThatThrownBy(() -> ActingAs.as("grace", Role.RECEPTIONIST, () -> exports.exportPatient(patient)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ActingAs.as("grace", Role.RECEPTIONIST, () -> exports.exportDoctor(doctor.id(),
                LocalDate.now().minusDays(30), LocalDate.now()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ActingAs.as("grace", Role.RECEPTIONIST, () -> exports.exports()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(doctor, () -> exports.exportDoctor(doctor.id(), LocalDate.now().minusDays(30),
                LocalDate.now()))).as("bulk exports are for administrators").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_export_is_open_only_to_the_doctor_who_asked_and_to_administrators() throws Exception {
        DoctorSummary a = fixtures.doctor();
        DoctorSummary b = fixtures.doctor();
        UUID patient = fixtures.patient();
        fixtures.pastVisits(patient, a, 3);
        ExportSummary done = finished(a, as(a, () -> exports.exportPatient(patient)).id());

        assertThatThrownBy(() -> as(b, () -> exports.download(done.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(b, () -> exports.get(done.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(b, () -> exports.cancel(done.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(b, () -> exports.exports())).extracting(ExportSummary::id).doesNotContain(done.id());
        assertThat(as(a, () -> exports.exports())).extracting(ExportSummary::id).contains(done.id());
        assertThat(asAdmin(() -> exports.exports())).extracting(ExportSummary::id).contains(done.id());
        assertThat(asAdmin(() -> exports.download(done.id())).content()).isEqualTo(as(a, () -> exports.download(done.id())).content());
    }

    @Test
    void an_administrator_exports_every_visit_of_a_doctor_in_a_date_range() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        DoctorSummary other = fixtures.doctor();
        UUID first = fixtures.patient();
        UUID second = fixtures.patient();
        fixtures.pastVisits(first, doctor, 10);  // 1..10 days ago
        fixtures.pastVisits(second, doctor, 3);  // 1..3 days ago
        fixtures.pastVisits(second, other, 2);
        LocalDate from = LocalDate.now().minusDays(5);
        LocalDate to = LocalDate.now().minusDays(1);

        ExportSummary started = asAdmin(() -> exports.exportDoctor(doctor.id(), from, to));
        ExportSummary done = finishedAsAdmin(started.id());

        assertThat(done.state()).isEqualTo(ExportState.READY);
        List<CSVRecord> rows = SafeCsvWriterTest.parse(asAdmin(() -> exports.download(done.id())).content());
        assertThat(rows).hasSize(1 + 5 + 3);
        assertThat(rows.stream().skip(1).map(r -> r.get(VisitRows.HEADERS.indexOf("Doctor"))).distinct().toList())
                .containsExactly(doctor.displayName());
        assertThat(jdbc.sql("SELECT visits FROM export_audit a JOIN history_export e ON e.id = a.export_id"
                        + " WHERE e.public_id = :id ORDER BY visits").param("id", done.id().toString())
                .query(Integer.class).list()).as("one audit row per patient").containsExactly(3, 5);
        assertThat(jdbc.sql("SELECT state, last_error FROM outbox_message WHERE dedup_key = :k")
                .param("k", "export:" + done.id()).query((rs, n) -> rs.getString(1) + ": " + rs.getString(2))
                .single()).as("an administrator without an email address").isEqualTo("SKIPPED: No email address on file");
        assertThatThrownBy(() -> asAdmin(() -> exports.exportDoctor(doctor.id(), to, from)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void the_doctor_is_told_by_email_when_the_export_is_ready_without_clinical_content() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        fixtures.pastVisits(patient, doctor, 2);

        ExportSummary done = finished(doctor, as(doctor, () -> exports.exportPatient(patient)).id());

        List<MimeMessage> mail = MailBox.await(doctor.email(), 1, Duration.ofSeconds(20));
        assertThat(mail).hasSize(1);
        assertThat(mail.getFirst().getSubject()).isEqualTo("Your export is ready");
        String raw = new String(mail.getFirst().getRawInputStream().readAllBytes());
        assertThat(raw).contains("Exports").doesNotContain("pharyngitis").doesNotContain("MRN");
        assertThat(done.state()).isEqualTo(ExportState.READY);
    }

    @Test
    void the_clean_up_deletes_files_past_their_keeping_time_and_leaves_the_others() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID old = fixtures.patient();
        UUID fresh = fixtures.patient();
        booked(old, doctor, java.time.LocalTime.of(10, 0));
        booked(fresh, doctor, java.time.LocalTime.of(10, 15));
        ExportSummary due = finished(doctor, as(doctor, () -> exports.exportPatient(old)).id());
        ExportSummary kept = finished(doctor, as(doctor, () -> exports.exportPatient(fresh)).id());
        jdbc.sql("UPDATE history_export SET expires_at = NOW(6) - INTERVAL 1 MINUTE WHERE public_id = :id")
                .param("id", due.id().toString()).update();

        expiry.cleanUp();

        assertThat(as(doctor, () -> exports.get(due.id())).state()).isEqualTo(ExportState.EXPIRED);
        assertThat(jdbc.sql("SELECT file IS NULL FROM history_export WHERE public_id = :id")
                .param("id", due.id().toString()).query(Boolean.class).single()).isTrue();
        assertThatThrownBy(() -> as(doctor, () -> exports.download(due.id()))).isInstanceOf(RuleViolation.class);
        assertThat(as(doctor, () -> exports.get(kept.id())).state()).isEqualTo(ExportState.READY);
        assertThat(as(doctor, () -> exports.download(kept.id())).content()).isNotEmpty();
    }

    @Test
    void an_export_whose_node_stopped_is_failed_by_the_clean_up_and_blocks_no_new_request() throws Exception {
        DoctorSummary doctor = fixtures.doctor();
        UUID patient = fixtures.patient();
        booked(patient, doctor, java.time.LocalTime.of(10, 0));
        long patientId = jdbc.sql("SELECT id FROM patient WHERE public_id = :p").param("p", patient.toString())
                .query(Long.class).single();
        UUID lost = UUID.randomUUID();
        jdbc.sql("INSERT INTO history_export (public_id, requested_by, requester_name, kind, patient_id, subject,"
                        + " state, rows_done, rows_total, file_name, created_at, updated_at) VALUES (:id, :by, 'Dr',"
                        + " 'PATIENT', :p, 'Lost', 'RUNNING', 3, 10, 'x.csv', NOW(6) - INTERVAL 1 HOUR,"
                        + " NOW(6) - INTERVAL 1 HOUR)")
                .param("id", lost.toString()).param("by", doctor.staffUsername()).param("p", patientId).update();
        assertThat(as(doctor, () -> exports.exportPatient(patient)).id()).as("still shown as running").isEqualTo(lost);

        expiry.cleanUp();

        assertThat(as(doctor, () -> exports.get(lost)).state()).isEqualTo(ExportState.FAILED);
        ExportSummary fresh = as(doctor, () -> exports.exportPatient(patient));
        assertThat(fresh.id()).isNotEqualTo(lost);
        finished(doctor, fresh.id());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static int column(String header) {
        return VisitRows.HEADERS.indexOf(header);
    }

    private int rowsDone(UUID exportId) {
        return jdbc.sql("SELECT rows_done FROM history_export WHERE public_id = :id").param("id", exportId.toString())
                .query(Integer.class).optional().orElse(0);
    }

    /** Runs {@code work} while every ExportProgressed is also handed to {@code listener}, on the publishing thread. */
    private <T> T whileListening(Consumer<ExportProgressed> listener, ThrowingSupplier<T> work) throws Exception {
        ApplicationListener<ApplicationEvent> relay = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof ExportProgressed progressed) {
                listener.accept(progressed);
            }
        };
        context.addApplicationListener(relay);
        try {
            return work.get();
        } finally {
            context.removeApplicationListener(relay);
        }
    }

    /** An appointment tomorrow: the doctor looks after a patient with no visits yet, so no reason is asked. */
    private void booked(UUID patient, DoctorSummary doctor, java.time.LocalTime at) {
        ActingAs.as("grace", Role.RECEPTIONIST, () -> appointments.book(new org.clinic.appointment.BookAppointment(
                UUID.randomUUID(), patient, doctor.id(), LocalDate.now().plusDays(1), at,
                org.clinic.appointment.AppointmentKind.NEW, "Review")));
    }

    private ExportSummary finished(DoctorSummary doctor, UUID exportId) throws InterruptedException {
        return until(() -> as(doctor, () -> exports.get(exportId)));
    }

    private ExportSummary finishedAsAdmin(UUID exportId) throws InterruptedException {
        return until(() -> asAdmin(() -> exports.get(exportId)));
    }

    private static ExportSummary until(Supplier<ExportSummary> read) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ExportSummary export = read.get();
        while (export.running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            export = read.get();
        }
        return export;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
