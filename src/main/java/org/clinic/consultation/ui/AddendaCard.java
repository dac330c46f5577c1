package org.clinic.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationRules;
import org.clinic.consultation.ConsultationStatus;

import java.time.ZoneId;
import java.util.function.Consumer;

/** The addenda of a completed consultation, and the field to add one: the completed text itself stays as it was. */
final class AddendaCard extends Div {

    private final ZoneId zone;
    private final Div addendaList = new Div();
    private final TextArea addendumText = new TextArea("Correction or addition");

    /** @param add called with the text when the doctor adds an addendum */
    AddendaCard(ZoneId zone, Consumer<String> add) {
        this.zone = zone;
        addendaList.setId("addenda");
        addendaList.addClassName("clinic-addenda");
        addendumText.setId("addendum-text");
        addendumText.setMaxLength(ConsultationRules.ADDENDUM_MAX);
        addendumText.setWidthFull();
        addendumText.setHelperText("The completed record stays as it was; this is added below it with your name "
                + "and the time");
        Button addAddendum = new Button("Add addendum", new Icon(VaadinIcon.PLUS_CIRCLE));
        addAddendum.setId("add-addendum");
        addAddendum.addClickListener(click -> add.accept(addendumText.getValue()));
        addClassName("clinic-card");
        add(new H3("Addenda"), addendaList, addendumText, addAddendum);
    }

    TextArea text() {
        return addendumText;
    }

    void added() {
        addendumText.clear();
        addendumText.setInvalid(false);
    }

    void show(Consultation c) {
        setVisible(c.status() == ConsultationStatus.COMPLETED);
        addendaList.removeAll();
        for (Consultation.Addendum addendum : c.addenda()) {
            Div item = new Div(new Span(addendum.authorName() + " · "
                    + ConsultationText.when(addendum.writtenAt(), zone)), new Paragraph(addendum.text()));
            item.addClassName("clinic-addendum");
            addendaList.add(item);
        }
        if (c.addenda().isEmpty()) {
            addendaList.add(new Span("No addenda."));
        }
    }
}
