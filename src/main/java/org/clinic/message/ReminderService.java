package org.clinic.message;

import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.ScheduledAppointment;
import org.clinic.base.ClinicSettings;
import org.clinic.patient.PatientContact;
import org.clinic.patient.PatientService;
import org.clinic.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Queues reminders for a day's scheduled appointments: on the day ("today at 09:30") and, where the clinic
 * configures it, the day before. Each appointment gets at most one reminder of each kind a day, by the outbox's
 * unique key, however often or on however many nodes the run happens; the scheduler lock only saves the work.
 */
@Service
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class ReminderService {

    private static final int BATCH = 200;

    private final AppointmentQueries appointments;
    private final PatientService patients;
    private final AppointmentMessages messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReminderService(AppointmentQueries appointments, PatientService patients, AppointmentMessages messages,
                    PlatformTransactionManager transactions, Clock clock, ClinicSettings settings) {
        this.appointments = appointments;
        this.patients = patients;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = settings.following(clock);
    }

    /** Reminders for today's appointments; returns how many were queued now (not counting earlier runs). */
    public Reminders remindToday() {
        return remind(LocalDate.now(clock), false);
    }

    /** Reminders for tomorrow's appointments. */
    public Reminders remindTomorrow() {
        return remind(LocalDate.now(clock).plusDays(1), true);
    }

    private Reminders remind(LocalDate day, boolean dayBefore) {
        List<ScheduledAppointment> due = appointments.scheduledOn(day);
        int queued = 0;
        for (int from = 0; from < due.size(); from += BATCH) {
            List<ScheduledAppointment> batch = due.subList(from, Math.min(due.size(), from + BATCH));
            Integer done = transaction.execute(status -> {
                Map<Long, PatientContact> contacts = patients.contacts(batch.stream()
                        .map(ScheduledAppointment::patientInternalId).collect(Collectors.toSet()));
                int n = 0;
                for (ScheduledAppointment appointment : batch) {
                    if (messages.remind(appointment.summary(), appointment.internalId(),
                            contacts.get(appointment.patientInternalId()), dayBefore)) {
                        n++;
                    }
                }
                return n;
            });
            queued += done == null ? 0 : done;
        }
        return new Reminders(day, due.size(), queued);
    }

    /** @param appointments how many were due a reminder; @param queued how many this run queued (others had one) */
    public record Reminders(LocalDate day, int appointments, int queued) {
    }
}
