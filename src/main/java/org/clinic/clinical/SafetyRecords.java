package org.clinic.clinical;

import org.clinic.base.ClinicSettings;
import org.clinic.patient.PatientReference;
import org.clinic.patient.PatientService;
import org.clinic.security.AccessKind;
import org.clinic.security.AccessReason;
import org.clinic.security.BreakTheGlassRequired;
import org.clinic.security.CurrentStaff;
import org.clinic.security.PatientAccessLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reading a patient's safety data, as the reader may see it: doctors everything, the front desk the non-clinical
 * alerts only; allergies and problems never leave this service for anyone but a doctor. Every read by a person is
 * logged ({@link AccessKind#SAFETY}) in the reading transaction, as {@link PatientAccessLog} asks (a doctor who does
 * not look after the patient gives a reason first).
 */
@Service
public class SafetyRecords {

    private final SafetyStore store;
    private final PatientService patients;
    private final PatientAccessLog accessLog;
    private final CurrentStaff currentStaff;
    private final Clock clock;
    /** Reader and patient whose queue badges were logged, with the day: a badge is logged once a day, not per refresh. */
    private final Map<String, LocalDate> badgesLogged = new ConcurrentHashMap<>();

    SafetyRecords(SafetyStore store, PatientService patients, PatientAccessLog accessLog, CurrentStaff currentStaff,
                  Clock clock, ClinicSettings settings) {
        this.store = store;
        this.patients = patients;
        this.accessLog = accessLog;
        this.currentStaff = currentStaff;
        this.clock = settings.following(clock);
    }

    /** The patient's allergies, alerts and problems as the reader may see them; logged as a read. */
    @PreAuthorize(ClinicalAccess.STAFF)
    @Transactional
    public PatientSafety of(UUID patientId) {
        PatientReference patient = patients.reference(patientId);
        boolean clinical = ClinicalAccess.seesClinical();
        PatientSafety safety = clinical
                ? new PatientSafety(patient.id(), true, store.allergyStatus(patient.internalId()),
                        store.allergies(patient.internalId()), store.alerts(patient.internalId(), true),
                        store.problems(patient.internalId()))
                : new PatientSafety(patient.id(), false, null, List.of(), store.alerts(patient.internalId(), false),
                        List.of());
        accessLog.record(patient.id(), patient.internalId(), AccessKind.SAFETY);
        return safety;
    }

    /**
     * What the queue cards show of each of these patients (one statement for the whole queue): allergy status,
     * active allergies and worst severity for doctors, the active alerts the reader may see. A patient with nothing
     * to show is missing from the map. Logged as a read of each patient shown, once per reader, patient and day
     * (the queue refreshes often; the log answers "who looked", not "how often the screen redrew"); a doctor's
     * badges of a patient they do not look after are left out rather than asking a reason on a list.
     */
    @PreAuthorize(ClinicalAccess.STAFF)
    @Transactional
    public Map<UUID, SafetyBadges> badges(Collection<UUID> patientIds) {
        boolean clinical = ClinicalAccess.seesClinical();
        Map<UUID, List<SafetyStore.BadgeRow>> byPatient = new LinkedHashMap<>();
        Map<UUID, Long> internal = new HashMap<>();
        for (SafetyStore.BadgeRow row : store.badges(Set.copyOf(patientIds), clinical)) {
            byPatient.computeIfAbsent(row.patientId(), id -> new ArrayList<>()).add(row);
            internal.put(row.patientId(), row.patientInternalId());
        }
        LocalDate today = LocalDate.now(clock);
        String reader = currentStaff.usernameForAudit();
        Map<UUID, SafetyBadges> shown = new HashMap<>();
        Map<AccessReason, Map<UUID, Long>> toLog = new HashMap<>();
        for (Map.Entry<UUID, List<SafetyStore.BadgeRow>> e : byPatient.entrySet()) {
            UUID patient = e.getKey();
            long internalId = internal.get(patient);
            boolean logged = today.equals(badgesLogged.get(reader + "|" + patient));
            if (!logged) {
                try {
                    AccessReason reason = accessLog.reasonFor(patient, internalId);
                    toLog.computeIfAbsent(reason, r -> new HashMap<>()).put(patient, internalId);
                } catch (BreakTheGlassRequired outsideCare) {
                    continue;
                }
            }
            SafetyBadges badges = badgesOf(e.getValue());
            if (!badges.equals(SafetyBadges.NONE)) {
                shown.put(patient, badges);
            }
        }
        toLog.forEach((reason, read) -> accessLog.recordAll(read, AccessKind.SAFETY, reason));
        Set<UUID> nowLogged = toLog.values().stream().flatMap(m -> m.keySet().stream())
                .collect(java.util.stream.Collectors.toSet());
        if (!nowLogged.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    badgesLogged.values().removeIf(day -> !day.equals(today));
                    nowLogged.forEach(p -> badgesLogged.put(reader + "|" + p, today));
                }
            });
        }
        return shown;
    }

    private static SafetyBadges badgesOf(List<SafetyStore.BadgeRow> rows) {
        AllergyStatus status = null;
        List<String> allergies = new ArrayList<>();
        Severity worst = null;
        List<String> alerts = new ArrayList<>();
        for (SafetyStore.BadgeRow row : rows) {
            switch (row.kind()) {
                case "STATUS" -> status = AllergyStatus.valueOf(row.text());
                case "ALLERGY" -> {
                    allergies.add(row.text());
                    Severity severity = Severity.valueOf(java.util.Objects.requireNonNull(row.severity()));
                    worst = worst == null || severity.compareTo(worst) > 0 ? severity : worst;
                }
                default -> {
                    AlertKind kind = AlertKind.valueOf(row.text());
                    alerts.add(kind == AlertKind.OTHER && row.severity() != null ? row.severity()
                            : kind.label() + (row.severity() == null ? "" : ": " + row.severity()));
                }
            }
        }
        if (status == AllergyStatus.UNKNOWN) {
            status = null;
        }
        return new SafetyBadges(status, List.copyOf(allergies), worst, List.copyOf(alerts));
    }
}
