package org.clinic.message;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.clinic.base.ClinicSettings;
import org.clinic.base.ClinicSettingsChanged;
import org.clinic.base.Setting;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * The reminder runs: on the day at the same-day time (08:00 by default) and, when set, the day before, in the
 * clinic's zone. Both times and the zone come from {@link ClinicSettings} (the settings screen, else
 * {@code clinic.reminders.*-cron}); when one of them changes, the runs are planned again at once, on every node.
 * One node runs each (ShedLock, as {@code @SchedulerLock} would); a node that starts after today's run time with no
 * run today catches up, which the outbox's unique keys make harmless. Nothing is planned when
 * {@code clinic.jobs.enabled=false}.
 */
@Component
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderService reminders;
    private final ClinicSettings settings;
    private final Clock clock;
    private final boolean catchUp;
    private final @Nullable LockingTaskExecutor locks;
    private final @Nullable ThreadPoolTaskScheduler scheduler;
    private final Map<Setting, ScheduledFuture<?>> planned = new EnumMap<>(Setting.class);

    ReminderJob(ReminderService reminders, Clock clock, ClinicSettings settings,
                ObjectProvider<LockProvider> lockProvider,
                @Value("${clinic.jobs.enabled:true}") boolean jobsEnabled,
                @Value("${clinic.reminders.catch-up-on-start:true}") boolean catchUp) {
        this.reminders = reminders;
        this.settings = settings;
        this.clock = settings.following(clock);
        this.catchUp = catchUp;
        LockProvider provider = jobsEnabled ? lockProvider.getIfAvailable() : null;
        this.locks = provider == null ? null : new DefaultLockingTaskExecutor(provider);
        if (locks != null) {
            ThreadPoolTaskScheduler threads = new ThreadPoolTaskScheduler();
            threads.setThreadNamePrefix("reminders-");
            threads.setPoolSize(1);
            threads.initialize();
            this.scheduler = threads;
        } else {
            this.scheduler = null;
        }
    }

    /** Today's reminders, on one node at a time (the run the schedule makes). */
    public void sameDay() {
        locked("same-day-reminders", this::remindToday);
    }

    /** Tomorrow's reminders, on one node at a time (the run the schedule makes). */
    public void dayBefore() {
        locked("day-before-reminders", this::remindTomorrow);
    }

    private void remindToday() {
        ReminderService.Reminders done = SystemAuthentication.runAs(Role.ADMIN, reminders::remindToday);
        log.info("Reminders for {}: {} appointments, {} queued now", done.day(), done.appointments(), done.queued());
    }

    private void remindTomorrow() {
        ReminderService.Reminders done = SystemAuthentication.runAs(Role.ADMIN, reminders::remindTomorrow);
        log.info("Day-before reminders for {}: {} appointments, {} queued now", done.day(), done.appointments(),
                done.queued());
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        plan();
        catchUp();
    }

    /** A reminder time or the clinic's zone changed (on this node or another): plan the runs again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void settingsChanged(ClinicSettingsChanged change) {
        if (change.touches(Setting.SAME_DAY_REMINDERS) || change.touches(Setting.DAY_BEFORE_REMINDERS)
                || change.touches(Setting.TIME_ZONE)) {
            plan();
        }
    }

    /** Cancels the planned runs and plans them from the settings in force. */
    synchronized void plan() {
        planned.values().forEach(run -> run.cancel(false));
        planned.clear();
        if (scheduler == null) {
            return;
        }
        plan(Setting.SAME_DAY_REMINDERS, this::sameDay);
        plan(Setting.DAY_BEFORE_REMINDERS, this::dayBefore);
    }

    private void plan(Setting setting, Runnable run) {
        String cron = settings.value(setting);
        if ("-".equals(cron) || !CronExpression.isValidExpression(cron)) {
            return;
        }
        ThreadPoolTaskScheduler threads = java.util.Objects.requireNonNull(scheduler);
        planned.put(setting, threads.schedule(run, new CronTrigger(cron, settings.timeZone())));
    }

    /** As {@code @SchedulerLock} would: at least a minute, at most half an hour; without jobs, no lock to take. */
    private void locked(String name, Runnable run) {
        if (locks == null) {
            run.run();
            return;
        }
        try {
            locks.executeWithLock(run,
                    new LockConfiguration(Instant.now(), name, Duration.ofMinutes(30), Duration.ofMinutes(1)));
        } catch (RuntimeException e) {
            log.warn("Reminder run {} failed", name, e);
        }
    }

    /** When the run of this setting is next due, in the clinic's zone; empty when it is off. */
    synchronized Optional<ZonedDateTime> next(Setting setting) {
        String cron = settings.value(setting);
        if (!planned.containsKey(setting) || !CronExpression.isValidExpression(cron)) {
            return Optional.empty();
        }
        return Optional.ofNullable(CronExpression.parse(cron).next(ZonedDateTime.now(clock)));
    }

    void catchUp() {
        String sameDayCron = settings.value(Setting.SAME_DAY_REMINDERS);
        if (!catchUp || "-".equals(sameDayCron) || !CronExpression.isValidExpression(sameDayCron)) {
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

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
