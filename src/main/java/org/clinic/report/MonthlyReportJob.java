package org.clinic.report;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.clinic.base.ClinicSettings;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;

/**
 * Generates the previous month's reports on the 1st (configurable) and emails each doctor. Safe on several nodes:
 * ShedLock lets one node run at a time, and the unique key on (doctor, month) keeps a late second run, on any node,
 * from generating or emailing anything twice. At start-up it catches up if last month's reports are missing (the
 * application was down on the 1st, or has just been installed).
 */
@Component
class MonthlyReportJob {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportJob.class);

    private final ReportService reports;
    private final ClinicSettings settings;
    private final Clock clock;
    private final boolean catchUpOnStart;

    MonthlyReportJob(ReportService reports, ClinicSettings settings, Clock clock,
                     @Value("${clinic.reports.catch-up-on-start:true}") boolean catchUpOnStart) {
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
        this.catchUpOnStart = catchUpOnStart;
    }

    /**
     * Generates last month's missing reports. No lockAtLeastFor: a node that runs late finds the reports there and
     * adds nothing, so the lock need not outlast the run.
     */
    @Scheduled(cron = "${clinic.reports.monthly-cron:0 0 6 1 * *}", zone = "${clinic.time-zone}")
    @SchedulerLock(name = "monthly-reports", lockAtMostFor = "PT30M")
    public void generateLastMonth() {
        YearMonth last = YearMonth.now(clock.withZone(settings.timeZone())).minusMonths(1);
        SystemAuthentication.runAs(Role.ADMIN, () -> reports.generate(last));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void catchUp() {
        if (!catchUpOnStart) {
            return;
        }
        YearMonth last = YearMonth.now(clock.withZone(settings.timeZone())).minusMonths(1);
        try {
            if (!SystemAuthentication.runAs(Role.ADMIN, () -> reports.allGenerated(last))) {
                log.info("Reports for {} are missing: generating them now", last);
                // called directly, past the lock: a second node catching up at the same moment adds nothing
                // either, because of the unique key on (doctor, month)
                generateLastMonth();
            }
        } catch (RuntimeException e) {
            // the 1st's run or the next start tries again; a start-up must not fail over a report
            log.warn("Could not catch up on the reports for {}", last, e);
        }
    }
}
