package org.clinic.settings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** One setting's field on the screen: its component, and its value as the text the service takes. */
record SettingField(Component component, HasValidation validation, Supplier<String> read, Consumer<String> write) {

    static <C extends Component & HasValidation> SettingField of(C component, Supplier<String> read,
                                                                  Consumer<String> write) {
        return new SettingField(component, component, read, write);
    }

    void clearError() {
        validation.setInvalid(false);
        validation.setErrorMessage(null);
    }

    void error(String message) {
        validation.setErrorMessage(message);
        validation.setInvalid(true);
    }
}
