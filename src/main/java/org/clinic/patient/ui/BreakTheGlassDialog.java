package org.clinic.patient.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.security.AccessReason;

import java.util.List;
import java.util.function.Consumer;

/**
 * "Why do you need this record?": asked of a doctor opening a patient they have no appointment, queue visit or
 * consultation with recently. The answer (a kind of reason and a few words) is logged with every read of this
 * patient for the rest of the session, flagged for the administrators. Nothing of the patient is shown until then.
 */
final class BreakTheGlassDialog extends Dialog {

    static final List<String> CHOICES = List.of("Emergency care", "Covering for a colleague", "Referral review",
            "Other");
    private static final String SEPARATOR = ": ";

    private final RadioButtonGroup<String> choice = new RadioButtonGroup<>("Reason");
    private final TextArea details = new TextArea("Details");

    /**
     * @param open   given the reason; throws {@link RuleViolation} (field "reason") when the service refuses it
     * @param cancel the doctor does not open the record after all
     */
    BreakTheGlassDialog(Consumer<String> open, Runnable cancel) {
        setId("break-the-glass");
        setHeaderTitle("Why do you need this record?");
        setCloseOnOutsideClick(false);
        setWidth("min(560px, 95vw)");
        addDialogCloseActionListener(close -> {
            close();
            cancel.run();
        });
        Paragraph why = new Paragraph("You have had no appointment, queue visit or consultation with this patient in "
                + "the last weeks. Say why you need their record: your reason is kept with every look at it during "
                + "this session, and administrators review these reads.");
        choice.setId("break-the-glass-choice");
        choice.setItems(CHOICES);
        choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        choice.setRequiredIndicatorVisible(true);
        choice.addValueChangeListener(change -> {
            choice.setInvalid(false);
            details.setMaxLength(AccessReason.MAX_LENGTH - prefix().length());
        });
        details.setId("break-the-glass-reason");
        details.setWidthFull();
        details.setRequiredIndicatorVisible(true);
        details.setMinLength(AccessReason.MIN_LENGTH);
        details.setMaxLength(AccessReason.MAX_LENGTH);
        details.setValueChangeMode(ValueChangeMode.LAZY);
        details.setHelperText("For example the referral letter, the colleague you cover for, what happened");
        details.addValueChangeListener(change -> details.setInvalid(false));
        add(why, choice, details);

        Button openRecord = new Button("Open the record", click -> reason().ifPresent(reason -> {
            try {
                open.accept(reason);
                close();
            } catch (RuleViolation refused) {
                details.setErrorMessage(refused.getMessage());
                details.setInvalid(true);
            }
        }));
        openRecord.setId("break-the-glass-open");
        openRecord.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button back = new Button("Back to patients", click -> {
            close();
            cancel.run();
        });
        back.setId("break-the-glass-cancel");
        getFooter().add(back, openRecord);
    }

    /** The reason as logged ("Emergency care: brought in unconscious"), or empty with the fields marked. */
    private java.util.Optional<String> reason() {
        boolean complete = true;
        if (choice.getValue() == null) {
            choice.setErrorMessage("Choose a reason");
            choice.setInvalid(true);
            complete = false;
        }
        String text = Texts.clean(details.getValue());
        int room = AccessReason.MAX_LENGTH - prefix().length();
        if (text == null || text.length() < AccessReason.MIN_LENGTH || text.length() > room) {
            details.setErrorMessage("Say why in " + AccessReason.MIN_LENGTH + "–" + room + " characters");
            details.setInvalid(true);
            complete = false;
        }
        return complete ? java.util.Optional.of(prefix() + text) : java.util.Optional.empty();
    }

    private String prefix() {
        return choice.getValue() == null ? "" : choice.getValue() + SEPARATOR;
    }
}
