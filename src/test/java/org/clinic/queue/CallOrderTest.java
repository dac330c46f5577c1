package org.clinic.queue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The call order on its own: no database, no clock, just who is called before whom. */
class CallOrderTest {

    private static final String OWN = QueueEntry.doctorLine(1);
    private static final String WALK_INS = QueueEntry.specialtyLine(7);
    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void emergencies_first_then_two_priority_patients_for_each_regular_one() {
        List<QueueEntry> waiting = List.of(entry("R1", OWN, Lane.REGULAR, 0), entry("R2", OWN, Lane.REGULAR, 1),
                entry("S1", OWN, Lane.SENIOR, 2), entry("P1", OWN, Lane.PREGNANT, 3), entry("C1", OWN, Lane.CHILD, 4),
                entry("E1", OWN, Lane.EMERGENCY, 5));

        assertThat(tokens(CallOrder.of(waiting, OWN, 0, 2))).containsExactly("E1", "S1", "P1", "R1", "C1", "R2");
    }

    @Test
    void a_streak_carried_over_from_earlier_calls_lets_a_regular_patient_go_next() {
        List<QueueEntry> waiting = List.of(entry("R1", OWN, Lane.REGULAR, 0), entry("S1", OWN, Lane.SENIOR, 1));

        assertThat(tokens(CallOrder.of(waiting, OWN, 2, 2))).containsExactly("R1", "S1");
        assertThat(CallOrder.nextStreak(2, Lane.REGULAR)).isZero();
        assertThat(CallOrder.nextStreak(1, Lane.SENIOR)).isEqualTo(2);
        assertThat(CallOrder.nextStreak(1, Lane.EMERGENCY)).isEqualTo(1);
    }

    @Test
    void walk_ins_are_merged_with_the_doctors_own_patients_by_arrival_keeping_each_lines_order() {
        List<QueueEntry> waiting = List.of(entry("A1", OWN, Lane.REGULAR, 0), entry("A2", OWN, Lane.REGULAR, 30),
                entry("W1", WALK_INS, Lane.REGULAR, 10), entry("W2", WALK_INS, Lane.REGULAR, 40));

        assertThat(tokens(CallOrder.of(waiting, OWN, 0, 2))).containsExactly("A1", "W1", "A2", "W2");
    }

    @Test
    void only_waiting_patients_are_in_the_order() {
        QueueEntry called = entry("A1", OWN, Lane.REGULAR, 0).with(QueueStatus.CALLED);
        QueueEntry done = entry("A2", OWN, Lane.EMERGENCY, 1).with(QueueStatus.DONE);

        assertThat(tokens(CallOrder.of(List.of(called, done, entry("A3", OWN, Lane.REGULAR, 2)), OWN, 0, 2)))
                .containsExactly("A3");
        assertThat(CallOrder.of(List.of(), OWN, 0, 2)).isEmpty();
    }

    private static List<String> tokens(List<QueueEntry> order) {
        return order.stream().map(QueueEntry::token).toList();
    }

    private static QueueEntry entry(String token, String line, Lane lane, int minutesAfterNine) {
        return new QueueEntry(minutesAfterNine + 1, UUID.randomUUID(), LocalDate.of(2026, 12, 7), line, 1, token,
                line, minutesAfterNine + 1, line.equals(OWN) ? 1L : null, 7, 100 + minutesAfterNine, "A. B.", null,
                lane, lane == Lane.REGULAR ? null : "reason", null, QueueStatus.WAITING, 0,
                NINE.plusSeconds(60L * minutesAfterNine), null, null, null, 0);
    }
}
