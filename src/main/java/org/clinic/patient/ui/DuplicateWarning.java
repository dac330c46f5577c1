package org.clinic.patient.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;

import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteConfiguration;
import org.clinic.patient.DuplicateCandidate;
import org.clinic.patient.PatientRules;

import java.util.List;

/**
 * Shown while typing when the details match an existing patient: each match with a link to its record and why it
 * matched. Registering anyway needs the explicit confirmation box ticked; a family sharing a phone is normal.
 */
class DuplicateWarning extends Div {

    private final UnorderedList matches = new UnorderedList();
    private final Checkbox confirm = new Checkbox("This is a different person: register anyway");
    private final PatientRules rules;

    DuplicateWarning(PatientRules rules) {
        this.rules = rules;
        setId("duplicate-warning");
        addClassName("clinic-duplicate-warning");
        confirm.setId("confirm-not-duplicate");
        Div heading = new Div(new Icon(VaadinIcon.WARNING), new Span("Possibly already registered"));
        heading.addClassName("clinic-duplicate-heading");
        add(heading, matches, confirm);
        setVisible(false);
    }

    void show(List<DuplicateCandidate> candidates) {
        matches.removeAll();
        for (DuplicateCandidate candidate : candidates) {
            var p = candidate.patient();
            String href = RouteConfiguration.forSessionScope()
                    .getUrl(PatientRecordView.class, PatientRecordView.parameters(p.id()));
            Anchor link = new Anchor(href, p.givenName() + " " + p.familyName());
            link.setTarget("_blank");
            link.getElement().setAttribute("title", "Open the existing record in a new tab");
            Span facts = new Span(" · MRN " + p.displayMrn() + " · "
                    + PatientText.birth(p.birthDate(), p.birthDateEstimated(), rules));
            Span why = new Span(candidate.why());
            why.addClassName("clinic-duplicate-why");
            matches.add(new ListItem(link, facts, why));
        }
        boolean any = !candidates.isEmpty();
        if (!any) {
            confirm.setValue(false);
        }
        setVisible(any);
    }

    /** True when no duplicate is shown, or the receptionist confirmed it is a different person. */
    boolean confirmed() {
        return !isVisible() || confirm.getValue();
    }

    boolean needsConfirmation() {
        return isVisible() && !confirm.getValue();
    }

    void highlight() {
        addClassName("clinic-attention");
        confirm.focus();
    }
}
