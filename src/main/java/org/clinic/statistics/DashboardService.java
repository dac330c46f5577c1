package org.clinic.statistics;

import org.clinic.base.ClinicSettings;
import org.clinic.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The administrator's dashboard: today's figures per doctor and the last thirty days. Both are cached until an
 * event changes them ({@link FigureEviction}); the history also moves on by itself when the day changes, as its
 * days are part of the key.
 */
@Service
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class DashboardService {

    /** Days the history covers, ending yesterday (today is shown live, figure by figure). */
    public static final int HISTORY_DAYS = 30;

    private final StatisticsQueries queries;
    private final StatisticsCaches caches;
    private final Clock clock;

    DashboardService(StatisticsQueries queries, StatisticsCaches caches, Clock clock, ClinicSettings clinic) {
        this.queries = queries;
        this.caches = caches;
        this.clock = clinic.following(clock);
    }

    public Today today() {
        return queries.today(LocalDate.now(clock), caches.todayGeneration());
    }

    public History lastThirtyDays() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        return queries.history(yesterday.minusDays(HISTORY_DAYS - 1L), yesterday, caches.historyGeneration());
    }

    /** The clinic's clock, for the running waits. */
    public Clock clock() {
        return clock;
    }
}
