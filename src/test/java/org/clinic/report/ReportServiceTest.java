package org.clinic.report;

import jakarta.mail.internet.MimeMessage;
import org.clinic.appointment.TestClinic;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.message.MailBox;
import org.clinic.patient.PatientService;
import org.clinic.security.ActingAs;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class ReportServiceTest {

    /** A winter month long past: the clinic's zone (Europe/London) is then at UTC, which the SQL counts rely on. */
    private static final YearMonth PREPARED = YearMonth.of(2025, 1);

    @Autowired
    ReportService reports;
    @Autowired
    MonthlyReportJob job;
    @Autowired
    DoctorService doctors;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PatientService patients;
    @Autowired
    ClinicSettings settings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void report_figures_equal_a_hand_count_in_sql_on_a_prepared_month() {
        DoctorSummary doctor = doctor();
        prepareMonth(doctor);

        MonthlyReport report = ActingAs.as(doctor.staffUsername(), Role.DOCTOR, () -> reports.myReport(PREPARED));
        MonthlyFigures f = report.figures();

        assertThat(report.subject()).isEqualTo(doctor.displayName());
        assertThat(report.through()).isEqualTo(PREPARED.atEndOfMonth());
        assertThat(report.toDate()).isFalse();
        long d = doctor.internalId();
        assertThat(f.booked()).isEqualTo(count("SELECT COUNT(*) FROM appointment WHERE doctor_id = :d"
                + " AND on_date BETWEEN '2025-01-01' AND '2025-01-31'", d)).isEqualTo(8);
        assertThat(f.completed()).isEqualTo(count("SELECT COUNT(*) FROM appointment WHERE doctor_id = :d"
                + " AND status = 'COMPLETED' AND on_date BETWEEN '2025-01-01' AND '2025-01-31'", d)).isEqualTo(5);
        assertThat(f.cancelled()).isEqualTo(count("SELECT COUNT(*) FROM appointment WHERE doctor_id = :d"
                + " AND status = 'CANCELLED' AND on_date BETWEEN '2025-01-01' AND '2025-01-31'", d)).isEqualTo(2);
        assertThat(f.noShow()).isEqualTo(count("SELECT COUNT(*) FROM appointment WHERE doctor_id = :d"
                + " AND status = 'NO_SHOW' AND on_date BETWEEN '2025-01-01' AND '2025-01-31'", d)).isEqualTo(1);
        assertThat(f.consultations()).isEqualTo(count("SELECT COUNT(*) FROM consultation WHERE doctor_id = :d"
                + " AND status = 'COMPLETED' AND visit_date BETWEEN '2025-01-01' AND '2025-01-31'", d)).isEqualTo(7);
        assertThat(f.uniquePatients()).isEqualTo(count("SELECT COUNT(DISTINCT patient_id) FROM consultation"
                + " WHERE doctor_id = :d AND status = 'COMPLETED' AND visit_date BETWEEN '2025-01-01'"
                + " AND '2025-01-31'", d)).isEqualTo(5);

        String waits = "SELECT TIMESTAMPDIFF(SECOND, arrived_at, called_at) AS s FROM queue_entry WHERE doctor_id = :d"
                + " AND called_at IS NOT NULL AND on_date BETWEEN '2025-01-01' AND '2025-01-31'";
        assertThat(f.waits()).isEqualTo(count("SELECT COUNT(*) FROM (" + waits + ") w", d)).isEqualTo(6);
        assertThat(f.waitAverage()).isEqualTo(seconds("SELECT ROUND(AVG(s)) FROM (" + waits + ") w", d));
        assertThat(f.waitP90()).isEqualTo(seconds(nearestRank90(waits), d)).isEqualTo(Duration.ofMinutes(40));
        String lengths = "SELECT TIMESTAMPDIFF(SECOND, started_at, completed_at) AS s FROM consultation"
                + " WHERE doctor_id = :d AND status = 'COMPLETED' AND queue_entry_id IS NOT NULL"
                + " AND visit_date BETWEEN '2025-01-01' AND '2025-01-31'";
        assertThat(f.timed()).isEqualTo(count("SELECT COUNT(*) FROM (" + lengths + ") l", d)).isEqualTo(6);
        assertThat(f.consultationAverage()).isEqualTo(seconds("SELECT ROUND(AVG(s)) FROM (" + lengths + ") l", d))
                .isEqualTo(Duration.ofSeconds(700));
        assertThat(f.consultationP90()).isEqualTo(seconds(nearestRank90(lengths), d));

        // weekday and hour of each completed consultation's start, read back in UTC (= London in January)
        long offset = jdbc.sql("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())").query(Long.class).single();
        String starts = "SELECT DATE_SUB(started_at, INTERVAL " + offset + " SECOND) AS t FROM consultation"
                + " WHERE doctor_id = :d AND status = 'COMPLETED' AND visit_date BETWEEN '2025-01-01' AND '2025-01-31'";
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(f.onWeekday(day)).as(day.toString()).isEqualTo(count("SELECT COUNT(*) FROM (" + starts
                    + ") s WHERE WEEKDAY(t) = " + (day.getValue() - 1), d));
        }
        assertThat(f.onWeekday(DayOfWeek.MONDAY)).isEqualTo(5);
        for (int hour = 0; hour < 24; hour++) {
            assertThat(f.byHour().get(hour)).as("hour " + hour).isEqualTo(count("SELECT COUNT(*) FROM (" + starts
                    + ") s WHERE HOUR(t) = " + hour, d));
        }
        List<String> top = jdbc.sql("SELECT CONCAT(diagnosis_code, ' ', COUNT(*)) FROM consultation"
                        + " WHERE doctor_id = :d AND status = 'COMPLETED' AND diagnosis_code IS NOT NULL"
                        + " AND visit_date BETWEEN '2025-01-01' AND '2025-01-31'"
                        + " GROUP BY diagnosis_code ORDER BY COUNT(*) DESC, diagnosis_code LIMIT 5")
                .param("d", d).query(String.class).list();
        assertThat(f.topDiagnoses()).extracting(x -> x.code() + " " + x.count()).isEqualTo(top)
                .containsExactly("I10 4", "J06.9 1", "L20.9 1", "M54.5 1");
        assertThat(f.topDiagnoses().getFirst().title()).isEqualTo("Essential hypertension");
    }

    @Test
    void a_doctor_with_no_activity_gets_zeros_not_an_error() {
        DoctorSummary doctor = doctor();

        MonthlyFigures f = SystemAuthentication.runAs(Role.ADMIN, () -> reports.report(doctor.id(), PREPARED))
                .figures();

        assertThat(List.of(f.booked(), f.completed(), f.cancelled(), f.noShow(), f.uniquePatients(),
                f.consultations(), f.waits(), f.timed())).containsOnly(0);
        assertThat(f.waitAverage()).isNull();
        assertThat(f.consultationP90()).isNull();
        assertThat(f.byWeekday()).containsOnly(0).hasSize(7);
        assertThat(f.byHour()).containsOnly(0).hasSize(24);
        assertThat(f.topDiagnoses()).isEmpty();
        assertThat(f.isEmpty()).isTrue();
    }

    @Test
    void the_current_month_counts_to_date_and_a_month_in_the_future_is_refused() {
        DoctorSummary doctor = doctor();
        YearMonth now = YearMonth.now(java.time.Clock.system(settings.timeZone()));

        MonthlyReport current = ActingAs.as(doctor.staffUsername(), Role.DOCTOR, () -> reports.myReport(now));

        assertThat(current.toDate()).isTrue();
        assertThat(current.through()).isEqualTo(LocalDate.now(settings.timeZone()));
        assertThatThrownBy(() -> ActingAs.as(doctor.staffUsername(), Role.DOCTOR,
                () -> reports.myReport(now.plusMonths(1))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("has not happened yet");
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.ADMIN, () -> reports.report(null, now.plusMonths(2))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining(ReportText.month(now.plusMonths(2)));
    }

    @Test
    void a_doctor_reads_only_their_own_report_and_a_receptionist_none() {
        DoctorSummary me = doctor();
        DoctorSummary other = doctor();

        assertThat(ActingAs.as(me.staffUsername(), Role.DOCTOR, () -> reports.report(me.id(), PREPARED)).subject())
                .isEqualTo(me.displayName());
        assertThat(ActingAs.as(me.staffUsername(), Role.DOCTOR, () -> reports.subjects()))
                .extracting(ReportSubject::doctorId).containsExactly(me.id());
        assertThatThrownBy(() -> ActingAs.as(me.staffUsername(), Role.DOCTOR,
                () -> reports.report(other.id(), PREPARED))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ActingAs.as(me.staffUsername(), Role.DOCTOR, () -> reports.pdf(other.id(), PREPARED)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ActingAs.as(me.staffUsername(), Role.DOCTOR, () -> reports.report(null, PREPARED)))
                .isInstanceOf(AccessDeniedException.class);
        for (var call : List.<java.util.function.Supplier<?>>of(() -> reports.report(me.id(), PREPARED),
                () -> reports.csv(me.id(), PREPARED), () -> reports.subjects(), () -> reports.generated(10))) {
            assertThatThrownBy(() -> SystemAuthentication.runAs(Role.RECEPTIONIST, call))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(SystemAuthentication.runAs(Role.ADMIN, () -> reports.report(other.id(), PREPARED)).subject())
                .isEqualTo(other.displayName());
        assertThat(SystemAuthentication.runAs(Role.ADMIN, () -> reports.report(null, PREPARED)).subject())
                .isEqualTo(MonthlyReport.WHOLE_CLINIC);
    }

    @Test
    void the_monthly_job_run_twice_and_twice_at_once_generates_one_report_and_one_email_per_doctor()
            throws Exception {
        DoctorSummary doctor = doctor();
        YearMonth last = YearMonth.now(java.time.Clock.system(settings.timeZone())).minusMonths(1);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(threads.submit(() -> {
                start.await();
                job.generateLastMonth();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        threads.shutdown();
        job.generateLastMonth();

        assertThat(count("SELECT COUNT(*) FROM monthly_report WHERE doctor_id = :d AND month = '" + last.atDay(1)
                + "'", doctor.internalId())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE dedup_key = :k")
                .param("k", "report:" + doctor.id() + ":" + last).query(Integer.class).single()).isEqualTo(1);
        List<MimeMessage> mail = MailBox.await(doctor.email(), 1, Duration.ofSeconds(30));
        assertThat(mail).hasSize(1);
        assertThat(mail.getFirst().getSubject()).contains(ReportText.month(last));
        Thread.sleep(500);
        assertThat(MailBox.of(doctor.email())).hasSize(1);
        assertThat(SystemAuthentication.runAs(Role.ADMIN, () -> reports.generated(500)))
                .anySatisfy(g -> {
                    assertThat(g.doctorId()).isEqualTo(doctor.id());
                    assertThat(g.month()).isEqualTo(last);
                });
        assertThat(SystemAuthentication.runAs(Role.ADMIN, () -> reports.allGenerated(last))).isTrue();
    }

    @Test
    void the_pdf_is_a_real_pdf_naming_the_doctor_and_the_csv_has_a_bom_and_neutralised_cells() throws Exception {
        DoctorSummary doctor = doctor();
        prepareMonth(doctor);

        ReportFile pdf = ActingAs.as(doctor.staffUsername(), Role.DOCTOR, () -> reports.pdf(doctor.id(), PREPARED));
        ReportFile csv = ActingAs.as(doctor.staffUsername(), Role.DOCTOR, () -> reports.csv(doctor.id(), PREPARED));

        assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PdfReader reader = new PdfReader(pdf.bytes())) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains(doctor.displayName(), "January 2025", "Essential hypertension");
        }
        assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("Section,Item,Detail,Value", doctor.displayName(), "Booked,visits in the month,8")
                .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
        assertThat(csv.fileName()).endsWith("-2025-01.csv");
    }

    @Test
    void every_cell_a_spreadsheet_would_run_gets_a_leading_quote() {
        for (String risky : List.of("=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(ReportCsv.safe(risky)).isEqualTo("'" + risky);
        }
        assertThat(ReportCsv.safe("Dr Mei Chen")).isEqualTo("Dr Mei Chen");
        assertThat(ReportCsv.safe("")).isEmpty();
    }

    @Test
    void only_a_month_that_has_ended_can_be_generated() {
        YearMonth now = YearMonth.now(java.time.Clock.system(settings.timeZone()));
        assertThatThrownBy(() -> SystemAuthentication.runAs(Role.ADMIN, () -> reports.generate(now)))
                .isInstanceOf(RuleViolation.class);
    }

    // ---------------------------------------------------------------------------------------------- fixtures

    private DoctorSummary doctor() {
        return new TestClinic(accounts, doctors, patients).doctor(LocalTime.of(8, 0), LocalTime.of(18, 0), 15, 20);
    }

    /** January 2025 for the doctor, plus a visit on each side of the month that must not count. */
    private void prepareMonth(DoctorSummary doctor) {
        List<UUID> people = new TestClinic(accounts, doctors, patients).patients(6);
        PreparedMonth month = new PreparedMonth(jdbc, doctor.internalId(), settings.timeZone());
        long p1 = month.patient(people.get(0));
        long p2 = month.patient(people.get(1));
        long p3 = month.patient(people.get(2));
        long p4 = month.patient(people.get(3));
        long p5 = month.patient(people.get(4));
        long p6 = month.patient(people.get(5));
        seen(month, p1, LocalDate.of(2025, 1, 6), LocalTime.of(9, 0), LocalTime.of(8, 50), 600, 720,
                "Essential hypertension", "I10");
        seen(month, p2, LocalDate.of(2025, 1, 6), LocalTime.of(9, 15), LocalTime.of(9, 5), 900, 600,
                "Upper respiratory infection", "J06.9");
        seen(month, p3, LocalDate.of(2025, 1, 7), LocalTime.of(10, 0), LocalTime.of(9, 58), 300, 900,
                "Essential hypertension", "I10");
        seen(month, p1, LocalDate.of(2025, 1, 13), LocalTime.of(14, 0), LocalTime.of(13, 40), 1500, 480,
                "Hypertension, review", "I10");
        seen(month, p2, LocalDate.of(2025, 1, 31), LocalTime.of(11, 0), LocalTime.of(10, 30), 2400, 1200,
                "=HYPERLINK(\"http://example.org\")", "L20.9");
        month.appointment(p4, LocalDate.of(2025, 1, 8), LocalTime.of(9, 0), "CANCELLED");
        month.appointment(p5, LocalDate.of(2025, 1, 17), LocalTime.of(9, 0), "CANCELLED");
        month.appointment(p6, LocalDate.of(2025, 1, 20), LocalTime.of(9, 0), "NO_SHOW");
        // a walk-in, seen; a patient who left before being called; a draft; a past visit recorded from notes
        LocalDate monday = LocalDate.of(2025, 1, 20);
        long walkIn = month.visit(p5, null, monday, LocalTime.of(9, 30), 120, 300);
        month.consultation(p5, walkIn, null, monday, LocalDateTime.of(monday, LocalTime.of(9, 30)).plusSeconds(180),
                300, true, "Low back pain", "M54.5");
        month.visit(p6, null, LocalDate.of(2025, 1, 17), LocalTime.of(15, 0), null, 0);
        month.consultation(p3, null, null, LocalDate.of(2025, 1, 17), LocalDateTime.of(2025, 1, 17, 16, 0), 600,
                false, "Unfinished", "I10");
        month.consultation(p4, null, null, monday, LocalDateTime.of(monday, LocalTime.of(11, 0)), 0, true,
                "Essential hypertension", "I10");
        seen(month, p1, LocalDate.of(2024, 12, 31), LocalTime.of(9, 0), LocalTime.of(8, 55), 100, 500,
                "Essential hypertension", "I10");
        month.appointment(p2, LocalDate.of(2025, 2, 1), LocalTime.of(9, 0), "SCHEDULED");
    }

    /** A booked patient who came, waited {@code wait} seconds for the call and was seen for {@code length}. */
    private static void seen(PreparedMonth month, long patient, LocalDate day, LocalTime slot, LocalTime arrived,
                             int wait, int length, String diagnosis, String code) {
        long appointment = month.appointment(patient, day, slot, "COMPLETED");
        long entry = month.visit(patient, appointment, day, arrived, wait, length);
        month.consultation(patient, entry, appointment, day, LocalDateTime.of(day, arrived).plusSeconds(wait + 60L),
                length, true, diagnosis, code);
    }

    private int count(String sql, long doctor) {
        return jdbc.sql(sql).param("d", doctor).query(Integer.class).single();
    }

    private Duration seconds(String sql, long doctor) {
        return Duration.ofSeconds(jdbc.sql(sql).param("d", doctor).query(Long.class).single());
    }

    /** The nearest-rank 90th percentile, by hand: the value at rank ⌈0.9 n⌉ in ascending order. */
    private static String nearestRank90(String values) {
        return "SELECT s FROM (SELECT s, ROW_NUMBER() OVER (ORDER BY s) AS r, COUNT(*) OVER () AS n FROM (" + values
                + ") v) ranked WHERE r = CEIL(0.9 * n)";
    }
}
