package org.clinic.benchmark;

import org.clinic.doctor.DoctorSummary;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueEntryView;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One doctor's line of walk-ins, driven through the real QueueService as a receptionist: patients walk in (the
 * change a scenario measures: its new token is the marker the screens wait for), the head is called, started and
 * finished. Registered patients are used in turn; once all have walked in, the first ones come back (they have
 * left the queue by then).
 */
final class QueueLine {

    final DoctorSummary doctor;
    private final DeliveryRun run;
    private final List<UUID> people;
    private final Deque<UUID> called = new ArrayDeque<>();
    private int next;
    private String prefix = "";

    QueueLine(DeliveryRun run, DoctorSummary doctor, List<UUID> people) {
        this.run = run;
        this.doctor = doctor;
        this.people = new ArrayList<>(people);
    }

    /** The next patient walks in (committed); returns their token, e.g. {@code D42-017}. */
    String walkIn() {
        UUID patient = people.get(next++ % people.size());
        String token = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> run.queue.walkIn(patient, doctor.id(),
                doctor.specialty().id(), Lane.REGULAR, null, "Delivery benchmark").token());
        prefix = token.substring(0, token.lastIndexOf('-'));
        return token;
    }

    /** A marker pattern for this line's tokens as a screen's message carries them (a text of its own, in quotes). */
    String markers() {
        return "\"(" + Pattern.quote(prefix + "-") + "\\d{3,})(?![\\d])";
    }

    /** Calls the head of the line (committed); returns whether anybody was waiting. */
    boolean call() {
        Optional<QueueEntryView> head = SystemAuthentication.runAs(Role.RECEPTIONIST,
                () -> run.queue.callNext(doctor.id()));
        head.ifPresent(entry -> called.add(entry.id()));
        return head.isPresent();
    }

    /** The called patients are seen: started and finished (two commits each). */
    void serveCalled() {
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            while (!called.isEmpty()) {
                UUID id = called.poll();
                run.queue.start(id);
                run.queue.finish(id);
            }
        });
    }

    /** Calls, starts and finishes the head of the line, so the line keeps its length after a walk-in. */
    void serveHead() {
        if (call()) {
            serveCalled();
        }
    }

    /** Nobody of this line stays waiting or called in today's queue. */
    void leave() {
        try {
            serveCalled();
        } finally {
            run.jdbc.sql("UPDATE queue_entry SET status = 'LEFT' WHERE doctor_id = :d AND status IN ('WAITING', 'CALLED')")
                    .param("d", doctor.internalId()).update();
        }
    }
}
