package org.clinic.api;

import org.clinic.base.ClinicSettings;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Administrators create, list and revoke the API tokens of integration accounts. The secret is returned once, at
 * creation, and only its SHA-256 is kept ({@link ApiTokenSecrets} says why not bcrypt). Creating and revoking are
 * recorded in the append-only {@code api_token_event}.
 */
@Service
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class ApiTokenService {

    /** Lower-case letters, digits, dots, dashes and underscores; 3–40 characters, so "api:<name>" fits the audit columns (the database checks the same). */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    /** The roles a token may act with: the front desk's, or one doctor's. No administrator tokens. */
    public static final List<Role> ROLES = List.of(Role.RECEPTIONIST, Role.DOCTOR);
    static final int LONGEST_VALIDITY_DAYS = 2 * 366;

    private final ApiTokenStore store;
    private final DoctorService doctors;
    private final CurrentStaff currentStaff;
    private final Clock clock;
    private final ClinicSettings clinicSettings;

    ApiTokenService(ApiTokenStore store, DoctorService doctors, CurrentStaff currentStaff, Clock clock,
                    ClinicSettings settings) {
        this.store = store;
        this.doctors = doctors;
        this.currentStaff = currentStaff;
        this.clock = clock;
        this.clinicSettings = settings;
    }

    /** Creates a token; the returned secret is the only copy there will ever be. */
    @Transactional
    public IssuedApiToken create(NewApiToken request) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        String name = Texts.clean(request.name());
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(new RuleViolation.Problem("name",
                    "3–40 lower-case letters, digits, dots, dashes or underscores, e.g. lab-sync"));
        } else if (store.nameTaken(name)) {
            problems.add(new RuleViolation.Problem("name", "A token with this name exists already"));
        }
        Role role = request.role();
        if (role == null || !ROLES.contains(role)) {
            problems.add(new RuleViolation.Problem("role", "Choose Receptionist or Doctor"));
        }
        DoctorSummary doctor = null;
        if (role == Role.DOCTOR) {
            doctor = doctorFor(request.doctorId(), problems);
        } else if (request.doctorId() != null) {
            problems.add(new RuleViolation.Problem("doctorId", "Only a doctor's token is tied to a doctor"));
        }
        Instant now = clock.instant();
        Instant expiresAt = expiry(request.expiresAfter(), now, problems);
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        String secret = ApiTokenSecrets.newSecret();
        String actor = currentStaff.usernameForAudit();
        long id = store.insert(UUID.randomUUID(), name, role, doctor == null ? null : doctor.id(),
                doctor == null ? null : doctor.staffUsername(), ApiTokenSecrets.hash(secret),
                ApiTokenSecrets.hint(secret), now, actor, expiresAt);
        store.recordEvent(id, now, "CREATED", actor, role.label() + (doctor == null ? "" : " · " + doctor.displayName())
                + (expiresAt == null ? "" : " · until " + org.clinic.base.ClinicDates.date(request.expiresAfter())));
        ApiTokenSummary created = store.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        return new IssuedApiToken(withDoctorName(created), secret);
    }

    /** Every token, usable ones first, by name. */
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> list() {
        return store.all().stream().map(this::withDoctorName).toList();
    }

    /** Revokes a token at once: its next call is refused. Revoking twice changes nothing. */
    @Transactional
    public ApiTokenSummary revoke(UUID tokenId) {
        ApiTokenStore.Row row = store.lock(tokenId).orElseThrow(() -> new NotFoundException("No API token with this id"));
        if (row.revokedAt() == null) {
            Instant now = clock.instant();
            String actor = currentStaff.usernameForAudit();
            store.revoke(row.id(), now, actor);
            store.recordEvent(row.id(), now, "REVOKED", actor, null);
        }
        return withDoctorName(store.summary(tokenId).orElseThrow());
    }

    private @Nullable DoctorSummary doctorFor(@Nullable UUID doctorId, List<RuleViolation.Problem> problems) {
        if (doctorId == null) {
            problems.add(new RuleViolation.Problem("doctorId", "Choose the doctor this token acts for"));
            return null;
        }
        try {
            DoctorSummary doctor = doctors.doctor(doctorId);
            if (!doctor.active()) {
                problems.add(new RuleViolation.Problem("doctorId", doctor.displayName() + " is inactive"));
            }
            return doctor;
        } catch (NotFoundException unknown) {
            problems.add(new RuleViolation.Problem("doctorId", "Choose a doctor of the clinic"));
            return null;
        }
    }

    private @Nullable Instant expiry(@Nullable LocalDate lastDay, Instant now, List<RuleViolation.Problem> problems) {
        if (lastDay == null) {
            return null;
        }
        LocalDate today = LocalDate.ofInstant(now, clinicSettings.timeZone());
        if (lastDay.isBefore(today) || lastDay.isAfter(today.plusDays(LONGEST_VALIDITY_DAYS))) {
            problems.add(new RuleViolation.Problem("expiresAfter",
                    "Choose a day from today to two years ahead, or none"));
            return null;
        }
        return lastDay.plusDays(1).atStartOfDay(clinicSettings.timeZone()).toInstant(); // works through the whole of its last day
    }

    private ApiTokenSummary withDoctorName(ApiTokenSummary token) {
        if (token.doctorId() == null) {
            return token;
        }
        String name;
        try {
            name = doctors.doctor(token.doctorId()).displayName();
        } catch (NotFoundException gone) {
            name = null;
        }
        return new ApiTokenSummary(token.id(), token.name(), token.role(), token.doctorId(), name, token.secretHint(),
                token.createdAt(), token.createdBy(), token.expiresAt(), token.revokedAt(), token.revokedBy(),
                token.lastUsedAt());
    }
}
