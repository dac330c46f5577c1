package org.clinic.message;

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
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * The reminder runs: on the day at {@code clinic.reminders.same-day-cron} (08:00 by default) and, when
 * {@code clinic.reminders.day-before-cron} is set, the day before. One node runs each (ShedLock); a node that
 * starts after today's run time with no run today catches up, which the outbox's unique keys make harmless.
 */
@Component
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderService reminders;
    private final Clock clock;
    private final String sameDayCron;
    private final boolean catchUp;

    ReminderJob(ReminderService reminders, Clock clock, ClinicSettings settings,
                @Value("${clinic.reminders.same-day-cron}") String sameDayCron,
                @Value("${clinic.reminders.catch-up-on-start:true}") boolean catchUp) {
        this.reminders = reminders;
        this.clock = clock.withZone(settings.timeZone());
        this.sameDayCron = sameDayCron;
        this.catchUp = catchUp;
    }

    @Scheduled(cron = "${clinic.reminders.same-day-cron}", zone = "${clinic.time-zone}")
    @SchedulerLock(name = "same-day-reminders", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public void sameDay() {
        ReminderService.Reminders done = SystemAuthentication.runAs(Role.ADMIN, reminders::remindToday);
        log.info("Reminders for {}: {} appointments, {} queued now", done.day(), done.appointments(), done.queued());
    }

    @Scheduled(cron = "${clinic.reminders.day-before-cron}", zone = "${clinic.time-zone}")
    @SchedulerLock(name = "day-before-reminders", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public void dayBefore() {
        ReminderService.Reminders done = SystemAuthentication.runAs(Role.ADMIN, reminders::remindTomorrow);
        log.info("Day-before reminders for {}: {} appointments, {} queued now", done.day(), done.appointments(),
                done.queued());
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        if (!catchUp || "-".equals(sameDayCron)) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime todaysRun = CronExpression.parse(sameDayCron).next(now.toLocalDate().atStartOfDay(now.getZone()));
        if (todaysRun != null && todaysRun.toLocalDate().equals(now.toLocalDate()) && todaysRun.isBefore(now)) {
            ReminderService.Reminders done = SystemAuthentication.runAs(Role.ADMIN, reminders::remindToday);
            if (done.queued() > 0) {
                log.info("Caught up on today's reminders: {} queued", done.queued());
            }
        }
    }
}
