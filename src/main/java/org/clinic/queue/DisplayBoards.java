package org.clinic.queue;

import org.clinic.base.NotFoundException;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.queue.QueueSnapshots.Day;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What a waiting-room display of a scope shows of a day: worked out once per day and scope, then shared. */
final class DisplayBoards {

    private DisplayBoards() {
    }

    static DisplayBoard of(Day day, DisplayScope scope, boolean initials, int recentCalls,
                           int prioritiesPerRegular) {
        List<DoctorSummary> all = day.doctors();
        Map<Long, DoctorSummary> byInternalId = day.doctorsById();
        String title;
        Predicate<QueueEntry> shown;
        switch (scope.kind()) {
            case DOCTOR -> {
                DoctorSummary doctor = all.stream().filter(d -> d.id().equals(scope.id())).findFirst()
                        .orElseThrow(() -> new NotFoundException("No doctor with this id"));
                title = doctor.displayName() + " · room " + doctor.room();
                shown = e -> Long.valueOf(doctor.internalId()).equals(e.doctorId());
            }
            case SPECIALTY -> {
                SpecialtySummary specialty = day.specialties().values().stream()
                        .filter(s -> s.id().equals(scope.id())).findFirst()
                        .orElseThrow(() -> new NotFoundException("No specialty with this id"));
                title = specialty.name();
                long internal = specialty.internalId();
                shown = e -> e.specialtyId() == internal;
            }
            default -> {
                title = ""; // the whole clinic: the display shows the clinic's name, read when it is shown
                shown = e -> true;
            }
        }
        Map<Long, QueueEntry> byId = day.entries().stream().collect(Collectors.toMap(QueueEntry::id, e -> e));
        List<DisplayBoard.Call> calls = new ArrayList<>();
        for (QueueStore.EventRow call : day.calls()) {
            QueueEntry entry = byId.get(call.entryId());
            if (entry == null || !shown.test(entry) || entry.doctorId() == null) {
                continue;
            }
            calls.add(new DisplayBoard.Call(call.id(), entry.token(), roomOf(byInternalId, entry),
                    call.action() == QueueAction.RECALL, call.at(), initials ? initialsOf(entry) : null));
            if (calls.size() == recentCalls) {
                break;
            }
        }
        Map<String, List<QueueEntry>> byLine = day.entries().stream().filter(shown)
                .collect(Collectors.groupingBy(QueueEntry::line, LinkedHashMap::new, Collectors.toList()));
        List<DisplayBoard.Waiting> waiting = new ArrayList<>();
        byLine.forEach((line, inLine) -> CallOrder.of(inLine, line, 0, prioritiesPerRegular).forEach(e -> waiting.add(
                new DisplayBoard.Waiting(e.token(), roomOf(byInternalId, e), initials ? initialsOf(e) : null))));
        return new DisplayBoard(title, List.copyOf(calls), List.copyOf(waiting));
    }

    /** A name of one-letter parts only has no initials to show (see {@link QueueTokens#initials}). */
    private static @org.jspecify.annotations.Nullable String initialsOf(QueueEntry entry) {
        return entry.initials().isBlank() ? null : entry.initials();
    }

    private static String roomOf(Map<Long, DoctorSummary> doctors, QueueEntry entry) {
        DoctorSummary doctor = entry.doctorId() == null ? null : doctors.get(entry.doctorId());
        return doctor == null ? "" : doctor.room();
    }
}
