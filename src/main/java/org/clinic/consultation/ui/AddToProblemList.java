package org.clinic.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.clinic.base.RuleViolation;
import org.clinic.base.ui.FieldMessages;
import org.clinic.clinical.ProblemListService;
import org.clinic.clinical.RecordProblem;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * "Add to problem list" beside the coded diagnosis: one click puts the code on the patient's problem list with
 * today as its onset (the doctor changes it in the safety dialog if the condition is older).
 */
final class AddToProblemList extends Button {

    AddToProblemList(ProblemListService problems, Clock clock, Supplier<@Nullable UUID> patient,
                     Supplier<@Nullable String> code) {
        super("Add to problem list", new Icon(VaadinIcon.PLUS_CIRCLE_O));
        setId("add-to-problem-list");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        setTooltipText("Adds the coded diagnosis to the patient's problem list, onset today");
        addClickListener(click -> {
            UUID patientId = patient.get();
            String chosen = code.get();
            if (patientId == null || chosen == null) {
                FieldMessages.showError("Choose the coded diagnosis first");
                return;
            }
            try {
                problems.add(new RecordProblem(patientId, chosen, LocalDate.now(clock)));
                FieldMessages.showSuccess("Added to the problem list: " + chosen);
            } catch (RuleViolation violation) {
                FieldMessages.showError(violation.getMessage());
            }
        });
    }
}
