package org.clinic.report;

import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.doctor.DoctorRecord;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.message.MessageKind;
import org.clinic.message.MessageRequest;
import org.clinic.message.Outbox;
import org.clinic.message.Recipient;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Monthly activity reports. A doctor reads their own; administrators read every doctor's and the clinic total;
 * nobody else reads any (receptionists see no clinical workload figures). Any month up to the current one (to
 * date) may be read; a month with no activity gives zeros. On the 1st, {@link MonthlyReportJob} has the previous
 * month's reports generated and announced here.
 */
@Service
public class ReportService {

    static final String READERS = "hasAnyRole('" + Role.ADMIN_NAME + "','" + Role.DOCTOR_NAME + "')";
    static final String ADMINS = "hasRole('" + Role.ADMIN_NAME + "')";

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final ActivityFigures figures;
    private final MonthlyReportStore store;
    private final DoctorService doctors;
    private final Outbox outbox;
    private final CurrentStaff currentStaff;
    private final ClinicSettings settings;
    private final Clock clock;
    private final ClinicIdentitySource clinic;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;

    ReportService(ActivityFigures figures, MonthlyReportStore store, DoctorService doctors, Outbox outbox,
                  CurrentStaff currentStaff, ClinicSettings settings, Clock clock,
                  ClinicIdentitySource clinic, PlatformTransactionManager transactions) {
        this.figures = figures;
        this.store = store;
        this.doctors = doctors;
        this.outbox = outbox;
        this.currentStaff = currentStaff;
        this.settings = settings;
        this.clock = clock;
        this.clinic = clinic;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // one consistent snapshot for all of a report's queries
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writing = new TransactionTemplate(transactions);
    }

    /** The doctors the caller may read reports for: every doctor for administrators, themselves for a doctor. */
    @PreAuthorize(READERS)
    public List<ReportSubject> subjects() {
        if (isAdministrator()) {
            return doctors.allDoctors().stream().map(ReportService::subject).toList();
        }
        return signedInDoctor().map(d -> List.of(new ReportSubject(d.id(), d.displayName(), d.specialty().name(),
                d.active()))).orElse(List.of());
    }

    /** The signed-in doctor's own report for the month. */
    @PreAuthorize("hasRole('" + Role.DOCTOR_NAME + "')")
    public MonthlyReport myReport(YearMonth month) {
        DoctorSummary me = signedInDoctor().orElseThrow(() -> new RuleViolation(null,
                "Your account is not linked to a doctor record, so there is no report to show"));
        return report(me.id(), month);
    }

    /**
     * A doctor's report for the month, or with a null doctor the whole clinic's (administrators only). The
     * current month counts up to today; a month in the future is refused.
     */
    @PreAuthorize(READERS)
    public MonthlyReport report(@Nullable UUID doctorId, YearMonth month) {
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        YearMonth current = YearMonth.from(today);
        if (month.isAfter(current)) {
            throw new RuleViolation("month", ReportText.month(month) + " has not happened yet; choose "
                    + ReportText.month(current) + " or an earlier month");
        }
        boolean toDate = month.equals(current);
        LocalDate through = toDate ? today : month.atEndOfMonth();
        if (doctorId == null) {
            if (!isAdministrator()) {
                throw new AccessDeniedException("Only administrators see the clinic total");
            }
            int count = doctors.allDoctors().size();
            MonthlyFigures f = compute(null, month.atDay(1), through.plusDays(1));
            return new MonthlyReport(null, MonthlyReport.WHOLE_CLINIC, "All doctors (" + count + ")", month, through,
                    toDate, f, clock.instant());
        }
        DoctorSummary doctor = readable(doctorId);
        MonthlyFigures f = compute(doctor.internalId(), month.atDay(1), through.plusDays(1));
        return new MonthlyReport(doctor.id(), doctor.displayName(), doctor.specialty().name() + " · Room "
                + doctor.room(), month, through, toDate, f, clock.instant());
    }

    /** The report as a one-page PDF; the same permission as reading it. */
    @PreAuthorize(READERS)
    public ReportFile pdf(@Nullable UUID doctorId, YearMonth month) {
        MonthlyReport report = report(doctorId, month);
        return new ReportFile(fileName(report, "pdf"), "application/pdf",
                ReportPdf.write(report, clinic.current(), settings.timeZone()));
    }

    /** The report as CSV (UTF-8 with BOM, formula cells neutralised); the same permission as reading it. */
    @PreAuthorize(READERS)
    public ReportFile csv(@Nullable UUID doctorId, YearMonth month) {
        MonthlyReport report = report(doctorId, month);
        return new ReportFile(fileName(report, "csv"), "text/csv; charset=UTF-8",
                ReportCsv.write(report, clinic.current().name()));
    }

    /** The latest generated reports, newest month first. */
    @PreAuthorize(ADMINS)
    public List<GeneratedReport> generated(int limit) {
        List<MonthlyReportStore.Row> rows = store.latest(Math.max(1, Math.min(limit, 500)));
        Map<Long, DoctorSummary> byId = doctors.doctorsByInternalId(rows.stream()
                .map(MonthlyReportStore.Row::doctorId).collect(Collectors.toSet()));
        return rows.stream().filter(r -> byId.containsKey(r.doctorId())).map(r -> {
            DoctorSummary d = byId.get(r.doctorId());
            return new GeneratedReport(d.id(), d.displayName(), r.month(), r.generatedAt(), r.booked(),
                    r.completed(), r.consultations());
        }).toList();
    }

    /**
     * Generates the month's report for every active doctor who has none yet and emails them that it is ready.
     * Each doctor in their own transaction: the report row and its email commit together, and the unique key on
     * (doctor, month) makes a rerun, or a second node running at the same moment, add nothing.
     *
     * @return how many reports this call generated
     */
    @PreAuthorize(ADMINS)
    public int generate(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock.withZone(settings.timeZone())))) {
            throw new RuleViolation("month", "Only a month that has ended can be generated");
        }
        Set<Long> done = new HashSet<>(store.doctorsWithReport(month));
        int generated = 0;
        for (DoctorSummary doctor : doctors.doctors()) {
            if (done.contains(doctor.internalId())) {
                continue;
            }
            Boolean inserted = writing.execute(status -> {
                MonthlyFigures f = figures.of(doctor.internalId(), month.atDay(1), month.plusMonths(1).atDay(1));
                if (!store.insertIfAbsent(doctor.internalId(), month, f, clock.instant())) {
                    return false;
                }
                outbox.queue(new MessageRequest(MessageKind.REPORT_READY, dedupKey(doctor, month),
                        Recipient.staff(doctor.displayName(), doctor.email()),
                        "Your activity report for " + ReportText.month(month) + " is ready",
                        Map.of("recipientName", doctor.displayName(), "month", ReportText.month(month)), null));
                return true;
            });
            if (Boolean.TRUE.equals(inserted)) {
                generated++;
            }
        }
        if (generated > 0) {
            log.info("Monthly reports for {}: {} generated", month, generated);
        }
        return generated;
    }

    /** Whether every active doctor has the month's report already. */
    @PreAuthorize(ADMINS)
    public boolean allGenerated(YearMonth month) {
        Set<Long> done = new HashSet<>(store.doctorsWithReport(month));
        return doctors.doctors().stream().allMatch(d -> done.contains(d.internalId()));
    }

    static String dedupKey(DoctorSummary doctor, YearMonth month) {
        return "report:" + doctor.id() + ":" + month;
    }

    // ---------------------------------------------------------------------------------------------- internals

    private MonthlyFigures compute(@Nullable Long doctorInternalId, LocalDate from, LocalDate until) {
        return readOnly.execute(status -> figures.of(doctorInternalId, from, until));
    }

    /** The doctor, if the caller may read their report: an administrator any, a doctor only themselves. */
    private DoctorSummary readable(UUID doctorId) {
        if (isAdministrator()) {
            return doctors.doctor(doctorId);
        }
        return signedInDoctor().filter(me -> me.id().equals(doctorId))
                .orElseThrow(() -> new AccessDeniedException("A doctor reads only their own report"));
    }

    private java.util.Optional<DoctorSummary> signedInDoctor() {
        String me = currentStaff.username().orElse("");
        return doctors.doctors().stream().filter(d -> d.staffUsername().equals(me)).findFirst();
    }

    private static boolean isAdministrator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
    }

    private static ReportSubject subject(DoctorRecord d) {
        return new ReportSubject(d.id(), d.displayName(), d.specialty().name(), d.active());
    }

    private static String fileName(MonthlyReport report, String extension) {
        String who = java.text.Normalizer.normalize(report.subject(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase();
        return "activity-" + (who.isEmpty() ? "doctor" : who) + "-" + report.month() + "." + extension;
    }

}
