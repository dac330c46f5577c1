package org.clinic.consultation.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ui.DateFields;
import org.clinic.base.ui.FieldMessages;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationRules;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/** Advice and follow-up: what the patient is told, when to come back, and the button that books that visit. */
final class AdviceCard extends Div {

    private final TextArea advice = new TextArea("Advice");
    private final DatePicker followUpOn = new DatePicker("Follow-up on");
    private final TextField followUpNote = new TextField("Follow-up note");
    private final Button bookFollowUp = new Button("Book follow-up", new Icon(VaadinIcon.CALENDAR_CLOCK));
    private final Span followUpBooked = new Span();

    /**
     * @param changed called on every change (the screen saves the draft)
     * @param book    called when the doctor books the follow-up
     */
    AdviceCard(Runnable changed, Runnable book) {
        advice.setId("advice");
        advice.setMaxLength(ConsultationRules.ADVICE_MAX);
        advice.setWidthFull();
        DateFields.day(followUpOn, i18n -> i18n.setMinErrorMessage("A follow-up comes after this visit"));
        followUpOn.setId("follow-up-on");
        followUpOn.addValueChangeListener(change -> changed.run());
        followUpNote.setId("follow-up-note");
        followUpNote.setMaxLength(ConsultationRules.FOLLOW_UP_NOTE_MAX);
        followUpNote.setPlaceholder("e.g. review blood pressure");
        bookFollowUp.setId("book-follow-up");
        bookFollowUp.addClickListener(click -> book.run());
        followUpBooked.setId("follow-up-booked");
        followUpBooked.addClassName("clinic-hint-inline");
        Div followUpRow = new Div(followUpOn, followUpNote, bookFollowUp);
        followUpRow.addClassName("clinic-follow-up-row");
        ConsultationView.watch(advice, changed);
        ConsultationView.watch(followUpNote, changed);
        add(new H3("Advice and follow-up"), advice, followUpRow, followUpBooked);
        addClassName("clinic-card");
    }

    void show(Consultation c) {
        advice.setValue(orEmpty(c.content().advice()));
        followUpOn.setValue(c.content().followUpOn());
        followUpOn.setMin(c.visitDate().plusDays(1));
        followUpNote.setValue(orEmpty(c.content().followUpNote()));
        boolean editable = c.editable();
        advice.setReadOnly(!editable);
        followUpOn.setReadOnly(!editable);
        followUpNote.setReadOnly(!editable);
        bookFollowUp.setVisible(c.treatingDoctor() && c.followUpAppointmentId() == null);
        followUpBooked.setText(c.followUpAppointmentId() == null ? "" : "Follow-up booked");
    }

    void booked(String text) {
        followUpBooked.setText(text);
    }

    String advice() {
        return advice.getValue();
    }

    @Nullable LocalDate followUpOn() {
        return followUpOn.getValue();
    }

    String followUpNote() {
        return followUpNote.getValue();
    }

    void bind(FieldMessages messages) {
        messages.bind("advice", advice).bind("followUpOn", followUpOn).bind("followUpNote", followUpNote);
    }

    List<HasValidation> fields() {
        return List.of(advice, followUpOn, followUpNote);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
