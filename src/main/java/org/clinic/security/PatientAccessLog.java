package org.clinic.security;

import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records every read of a patient's data (who, what, which patient, when, why), and decides whether a doctor may read
 * at all: a doctor with no appointment, queue visit or consultation with the patient within
 * {@code clinic.access.care-window} must first say why ({@link #breakTheGlass}); such reads are flagged.
 * Receptionists and administrators do front-desk work for any patient and see nothing clinical: they are logged, never
 * asked.
 * <p>
 * The services that read call {@link #record} inside their reading transaction, after the read and before returning:
 * the row commits with the transaction, so data that reached a screen always left a row, and a read that failed
 * (rolled back) left none. One INSERT on the connection the read already holds, no second connection or commit.
 *
 * See docs/adr/0008-patient-access-log.md for what counts as a read and why the row joins the reading transaction.
 */
@Service
public class PatientAccessLog {

    static final String STAFF = "hasAnyRole('" + Role.RECEPTIONIST_NAME + "','" + Role.DOCTOR_NAME + "','"
            + Role.ADMIN_NAME + "')";

    private final AccessLogStore store;
    private final List<CareRelationship> relationships;
    private final BreakTheGlassReasons reasons;
    private final AccessSettings settings;
    private final CurrentStaff currentStaff;
    private final CurrentPatient currentPatient;
    private final PatientOwnership ownership;
    private final Clock clock;

    PatientAccessLog(AccessLogStore store, List<CareRelationship> relationships, BreakTheGlassReasons reasons,
                     AccessSettings settings, CurrentStaff currentStaff, CurrentPatient currentPatient,
                     PatientOwnership ownership, Clock clock, ClinicSettings clinic) {
        this.store = store;
        this.relationships = List.copyOf(relationships);
        this.reasons = reasons;
        this.settings = settings;
        this.currentStaff = currentStaff;
        this.currentPatient = currentPatient;
        this.ownership = ownership;
        this.clock = clinic.following(clock);
    }

    /**
     * Records that the signed-in person read this patient's data, in the caller's transaction (which must not be
     * read-only). A doctor without a care relationship and without a reason given this session is refused with
     * {@link BreakTheGlassRequired}, and the caller's transaction rolls back with nothing returned.
     */
    @PreAuthorize(STAFF + " or " + PatientOwnership.OWN_RECORD)
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID patientId, long patientInternalId, AccessKind what) {
        requireWritable();
        AccessReason reason = ownership.is(patientId) ? AccessReason.OWN_RECORD
                : reasonFor(patientId, patientInternalId);
        store.insert(clock.instant(), currentStaff.usernameForAudit(), role(), what,
                new AccessLogStore.Read(patientId, patientInternalId), reason);
    }

    /**
     * Records that the patient signed in to the portal read their own data (what: {@link AccessKind#PORTAL}), in the
     * caller's writable transaction. The reader is the patient's account ({@code portal:<account id>}, role
     * PATIENT) and the patient read is always their own: the ids come from the signed-in principal.
     */
    @PreAuthorize(CurrentPatient.SIGNED_IN)
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOwnRead() {
        PatientPrincipal patient = currentPatient.require();
        record(patient.patientId(), patient.patientInternalId(), AccessKind.PORTAL);
    }

    /**
     * Why the signed-in person may read this patient now: care, or the reason given to break the glass this session.
     * For reads done later in the background (exports), which carry it to {@link #recordAll}. Writes no row.
     *
     * @throws BreakTheGlassRequired a doctor without a care relationship has given no reason yet
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public AccessReason reasonFor(UUID patientId, long patientInternalId) {
        if (!isDoctor() || caresFor(patientInternalId)) {
            return AccessReason.CARE;
        }
        return reasons.reasonFor(patientId).map(given -> new AccessReason(given, true))
                .orElseThrow(() -> new BreakTheGlassRequired(patientId));
    }

    /** Records reads of several patients (public id → internal id) for one reason, in one statement. */
    @PreAuthorize(STAFF + " or (hasRole('" + CurrentPatient.ROLE_NAME
            + "') and @patientOwnership.ownsAllOf(#patients.keySet()))")
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Map<UUID, Long> patients, AccessKind what, AccessReason reason) {
        requireWritable();
        store.insertAll(clock.instant(), currentStaff.usernameForAudit(), role(), what, patients.entrySet().stream()
                .map(p -> new AccessLogStore.Read(p.getKey(), p.getValue())).toList(), reason);
    }

    /**
     * A doctor's reason to open a patient they do not look after. Remembered for this patient for the rest of the
     * session; the reads that follow are flagged and carry it. Nothing is read or logged here.
     */
    @PreAuthorize("hasRole('" + Role.DOCTOR_NAME + "')")
    public void breakTheGlass(UUID patientId, String reason) {
        String cleaned = Texts.clean(reason);
        if (cleaned == null || cleaned.length() < AccessReason.MIN_LENGTH || cleaned.length() > AccessReason.MAX_LENGTH
                || Texts.hasInvisibleCharacters(cleaned)) {
            throw new RuleViolation("reason", "Say why you need this record in " + AccessReason.MIN_LENGTH + "–"
                    + AccessReason.MAX_LENGTH + " characters");
        }
        reasons.remember(patientId, cleaned);
    }

    private boolean caresFor(long patientInternalId) {
        String me = currentStaff.usernameForAudit();
        LocalDate since = LocalDate.now(clock).minusDays(settings.careWindow().toDays());
        return relationships.stream().anyMatch(r -> r.exists(me, patientInternalId, since));
    }

    private static void requireWritable() {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // a row written in a read-only transaction may be refused or lost: the reading service must open a
            // writable one (a programming error, caught by the access-log tests of every read path)
            throw new IllegalStateException("The access log is written in the reading transaction: not read-only");
        }
    }

    private static boolean isDoctor() {
        return authorities().contains(Role.DOCTOR.authority());
    }

    private static String role() {
        List<String> held = authorities();
        if (held.contains("ROLE_" + CurrentPatient.ROLE_NAME)) {
            return CurrentPatient.ROLE_NAME;
        }
        return Arrays.stream(Role.values()).filter(r -> held.contains(r.authority())).map(Role::name).findFirst()
                .orElse("NONE");
    }

    private static List<String> authorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? List.of()
                : authentication.getAuthorities().stream().map(a -> String.valueOf(a.getAuthority())).toList();
    }
}
