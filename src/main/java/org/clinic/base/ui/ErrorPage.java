package org.clinic.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** A calm full-page message with a way back. */
class ErrorPage extends Div {

    private final H2 title = new H2();
    private final Paragraph text = new Paragraph();
    private final Icon icon = new Icon(VaadinIcon.INFO_CIRCLE_O);

    ErrorPage() {
        addClassName("clinic-error-page");
        icon.addClassName("clinic-error-icon");
        add(icon, title, text, new Anchor("", "Back to the clinic"));
    }

    void show(VaadinIcon kind, String heading, String explanation) {
        icon.getElement().setAttribute("icon", "vaadin:" + kind.name().toLowerCase().replace('_', '-'));
        title.setText(heading);
        text.setText(explanation);
    }
}
