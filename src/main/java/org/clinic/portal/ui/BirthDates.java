package org.clinic.portal.ui;

import com.vaadin.flow.component.datepicker.DatePicker;

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
        field.setPlaceholder("DD/MM/YYYY");
        field.setHelperText("Day/month/year, for example 12/03/1984");
        field.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormat("dd/MM/yyyy")
                .setBadInputErrorMessage("Not a real date: use day/month/year, for example 31/12/1980")
                .setMaxErrorMessage("The date of birth cannot be in the future"));
        field.setWidthFull();
        return field;
    }
}
