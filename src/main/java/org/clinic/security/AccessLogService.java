package org.clinic.security;

import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** "Who looked at this patient?": the access log, newest first, for administrators only. */
@Service
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class AccessLogService {

    public static final int MAX_PAGE = 200;

    private final AccessLogStore store;
    private final ClinicSettings clinicSettings;

    AccessLogService(AccessLogStore store, ClinicSettings settings) {
        this.store = store;
        this.clinicSettings = settings;
    }

    /** One page of the reads matching the query, newest first; at most {@value #MAX_PAGE} at a time. */
    @Transactional(readOnly = true)
    public List<AccessLogEntry> search(AccessLogQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new RuleViolation("to", "The end of the range lies before its start");
        }
        Instant from = query.from() == null ? null : query.from().atStartOfDay(clinicSettings.timeZone()).toInstant();
        Instant until = query.to() == null ? null : query.to().plusDays(1).atStartOfDay(clinicSettings.timeZone()).toInstant();
        return store.find(query, from, until, offset, Math.min(limit, MAX_PAGE));
    }
}
