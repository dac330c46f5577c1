package org.clinic.statistics;

import org.clinic.appointment.AppointmentsChanged;
import org.clinic.base.ClinicSettings;
import org.clinic.base.LiveResync;
import org.clinic.doctor.DoctorsChanged;
import org.springframework.context.event.EventListener;
import org.clinic.consultation.ConsultationChanged;
import org.clinic.queue.QueueChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Drops cached figures when a committed change makes them wrong, made on this node or another (the live update bus
 * publishes the other nodes' events here): a change of today drops today's figures, a change
 * of a past day (a late no-show, a correction) the history. Runs before {@link org.clinic.base.LiveUpdates} tells the
 * screens (highest precedence among the after-commit listeners), so a dashboard that re-reads gets the new figures.
 */
@Component
class FigureEviction {

    private final StatisticsCaches caches;
    private final Clock clock;

    FigureEviction(StatisticsCaches caches, Clock clock, ClinicSettings clinic) {
        this.caches = caches;
        this.clock = clinic.following(clock);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void appointmentsChanged(AppointmentsChanged changed) {
        dayChanged(changed.date());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void queueChanged(QueueChanged changed) {
        dayChanged(changed.date());
    }

    /** A consultation started or completed moves a patient on in today's queue; it has no date of its own. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void consultationChanged(ConsultationChanged changed) {
        caches.todayChanged();
    }

    /** Doctors' names and specialties are part of the figures. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void doctorsChanged(DoctorsChanged changed) {
        caches.todayChanged();
        caches.historyChanged();
    }

    /** Anything may have changed (several nodes, while the live update bus was down): drop everything. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void resync(LiveResync resync) {
        caches.todayChanged();
        caches.historyChanged();
    }

    private void dayChanged(@Nullable LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date == null || date.equals(today)) {
            caches.todayChanged();
        }
        if (date == null || date.isBefore(today)) {
            caches.historyChanged();
        }
    }
}
