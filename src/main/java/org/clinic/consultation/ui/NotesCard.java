package org.clinic.consultation.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ui.FieldMessages;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationRules;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** The doctor's notes: chief complaint, history and examination, each saved a moment after typing stops. */
final class NotesCard extends Div {

    private final TextField chiefComplaint = new TextField("Chief complaint");
    private final TextArea history = new TextArea("History");
    private final TextArea examination = new TextArea("Examination");

    /** @param changed called on every change (the screen saves the draft) */
    NotesCard(Runnable changed) {
        chiefComplaint.setId("chief-complaint");
        chiefComplaint.setMaxLength(ConsultationRules.CHIEF_COMPLAINT_MAX);
        chiefComplaint.setWidthFull();
        history.setId("history");
        examination.setId("examination");
        for (TextArea notes : List.of(history, examination)) {
            notes.setMaxLength(ConsultationRules.NOTES_MAX);
            notes.setWidthFull();
            notes.setMinRows(3);
        }
        ConsultationView.watch(chiefComplaint, changed);
        ConsultationView.watch(history, changed);
        ConsultationView.watch(examination, changed);
        add(new H3("Notes"), chiefComplaint, history, examination);
        addClassName("clinic-card");
    }

    void show(ConsultationContent content, boolean editable) {
        chiefComplaint.setValue(orEmpty(content.chiefComplaint()));
        history.setValue(orEmpty(content.history()));
        examination.setValue(orEmpty(content.examination()));
        chiefComplaint.setReadOnly(!editable);
        history.setReadOnly(!editable);
        examination.setReadOnly(!editable);
    }

    String chiefComplaint() {
        return chiefComplaint.getValue();
    }

    String history() {
        return history.getValue();
    }

    String examination() {
        return examination.getValue();
    }

    void bind(FieldMessages messages) {
        messages.bind("chiefComplaint", chiefComplaint).bind("history", history).bind("examination", examination);
    }

    List<HasValidation> fields() {
        return List.of(chiefComplaint, history, examination);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
