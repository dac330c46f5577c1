package org.clinic.demo;

import org.clinic.base.RuleViolation;
import org.clinic.clinical.AlertKind;
import org.clinic.clinical.AllergyService;
import org.clinic.clinical.CareAlertService;
import org.clinic.clinical.ProblemListService;
import org.clinic.clinical.RecordAlert;
import org.clinic.clinical.RecordAllergy;
import org.clinic.clinical.RecordProblem;
import org.clinic.clinical.Severity;
import org.clinic.queue.QueueBoards;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Allergies, alerts and problems for the first patients of today's queues, recorded as the application (the demo
 * seeds them), so the queue cards, the consultation header and the record show them: a severe penicillin allergy
 * with an interpreter, "no known allergies" with a wheelchair, an aspirin allergy with hearing loss, a latex allergy
 * with a clinical alert. Seeded once.
 */
@Component
@Profile("dev")
@ConditionalOnProperty(name = "clinic.demo.enabled", havingValue = "true")
@Order(-8) // after DemoClinic, which fills today's queues
class DemoSafety implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSafety.class);

    private final QueueBoards boards;
    private final AllergyService allergies;
    private final CareAlertService alerts;
    private final ProblemListService problems;
    private final Clock clock;

    DemoSafety(QueueBoards boards, AllergyService allergies, CareAlertService alerts, ProblemListService problems,
               Clock clock) {
        this.boards = boards;
        this.allergies = allergies;
        this.alerts = alerts;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Map.Entry<UUID, String>> today = SystemAuthentication.runAs(Role.RECEPTIONIST, () -> boards.boards()
                .stream().filter(b -> b.doctor() != null)
                .flatMap(b -> java.util.stream.Stream.concat(b.current().stream(), b.waiting().stream())
                        .map(e -> Map.entry(e.patientId(), b.doctor().staffUsername())))
                .limit(4).toList());
        if (today.size() < 4) {
            return;
        }
        LocalDate now = LocalDate.now(clock);
        try {
            var first = today.get(0);
            asDoctor(first, () -> allergies.record(new RecordAllergy(first.getKey(), "Penicillins",
                    "Anaphylaxis", Severity.LIFE_THREATENING)));
            asDoctor(first, () -> problems.add(new RecordProblem(first.getKey(), "I10", now.minusYears(4))));
            alert(first.getKey(), AlertKind.INTERPRETER, "Portuguese");
            var second = today.get(1);
            asDoctor(second, () -> {
                allergies.noKnownAllergies(second.getKey());
                return problems.add(new RecordProblem(second.getKey(), "E11.9", now.minusYears(7)));
            });
            alert(second.getKey(), AlertKind.WHEELCHAIR, null);
            var third = today.get(2);
            asDoctor(third, () -> allergies.record(new RecordAllergy(third.getKey(), "Aspirin", "Wheeze",
                    Severity.MODERATE)));
            alert(third.getKey(), AlertKind.HARD_OF_HEARING, null);
            var fourth = today.get(3);
            asDoctor(fourth, () -> {
                allergies.record(new RecordAllergy(fourth.getKey(), "Latex", "Contact rash", Severity.MILD));
                return alerts.record(new RecordAlert(fourth.getKey(), AlertKind.OTHER, "Risk of falls", true));
            });
            log.info("Demo clinic: allergies, alerts and problems for four patients in today's queues");
        } catch (RuleViolation seededBefore) {
            // the same allergy is active already: seeded on an earlier start
        }
    }

    private void alert(UUID patient, AlertKind kind, @org.jspecify.annotations.Nullable String detail) {
        SystemAuthentication.runAs(Role.RECEPTIONIST, () -> alerts.record(new RecordAlert(patient, kind, detail,
                false)));
    }

    /** As a doctor of the application itself (the history says "system": the demo seeded it). */
    private static <T> T asDoctor(Map.Entry<UUID, String> patientAndDoctor, java.util.function.Supplier<T> work) {
        return SystemAuthentication.runAs(Role.DOCTOR, work);
    }
}
