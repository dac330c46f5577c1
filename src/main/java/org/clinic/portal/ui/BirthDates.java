package org.clinic.portal.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import org.clinic.base.ui.DateFields;

import java.time.LocalDate;

/** A date-of-birth field for a phone: typed day/month/year (as the clinic writes dates), no calendar popping up. */
final class BirthDates {

    private BirthDates() {
    }

    static DatePicker field(String id) {
        DatePicker field = new DatePicker("Date of birth");
        field.setId(id);
        field.setMax(LocalDate.now());
        field.setAutoOpen(false);
        DateFields.birthDate(field, i18n -> i18n.setMaxErrorMessage("The date of birth cannot be in the future"));
        field.setHelperText("Day/month/year, for example 12/03/1984");
        field.setWidthFull();
        return field;
    }
}
