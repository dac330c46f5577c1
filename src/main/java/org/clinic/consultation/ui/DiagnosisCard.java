package org.clinic.consultation.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.base.ui.FieldMessages;
import org.clinic.clinical.ProblemListService;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationRules;
import org.clinic.consultation.DiagnosisCode;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The diagnosis: an ICD-10 code picked from the shipped list (its title fills an empty free-text diagnosis), the free
 * text that completion requires, and "Add to problem list" for the coded condition.
 */
final class DiagnosisCard extends Div {

    private final ComboBox<DiagnosisCode> code = new ComboBox<>("Coded diagnosis (ICD-10)");
    private final TextField diagnosis = new TextField("Diagnosis");
    private final List<DiagnosisCode> codes;

    /**
     * @param codes   the codes a doctor can pick
     * @param patient whose problem list "Add to problem list" adds to
     * @param changed called on every change (the screen saves the draft)
     */
    DiagnosisCard(List<DiagnosisCode> codes, ProblemListService problems, Clock clock,
                  Supplier<@Nullable UUID> patient, Runnable changed) {
        this.codes = codes;
        code.setId("diagnosis-code");
        code.setItems(codes);
        code.setItemLabelGenerator(DiagnosisCode::label);
        code.setClearButtonVisible(true);
        code.setWidthFull();
        code.setPlaceholder("Search a code or a name");
        code.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null && diagnosis.isEmpty()) {
                diagnosis.setValue(change.getValue().title());
            }
            changed.run();
        });
        diagnosis.setId("diagnosis");
        diagnosis.setMaxLength(ConsultationRules.DIAGNOSIS_MAX);
        diagnosis.setWidthFull();
        diagnosis.setHelperText("Free text; required to complete (a working diagnosis will do)");
        ConsultationView.watch(diagnosis, changed);
        add(new H3("Diagnosis"), code, new AddToProblemList(problems, clock, patient, this::code), diagnosis);
        addClassName("clinic-card");
    }

    void show(ConsultationContent content, boolean editable) {
        diagnosis.setValue(content.diagnosis() == null ? "" : content.diagnosis());
        code.setValue(content.diagnosisCode() == null ? null : codes.stream()
                .filter(d -> d.code().equals(content.diagnosisCode())).findFirst().orElse(null));
        code.setReadOnly(!editable);
        diagnosis.setReadOnly(!editable);
    }

    String diagnosis() {
        return diagnosis.getValue();
    }

    @Nullable String code() {
        return code.getValue() == null ? null : code.getValue().code();
    }

    void bind(FieldMessages messages) {
        messages.bind("diagnosis", diagnosis).bind("diagnosisCode", code);
    }

    List<HasValidation> fields() {
        return List.of(diagnosis, code);
    }
}
