package org.clinic.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.clinic.base.RuleViolation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a service's {@link RuleViolation} where it belongs: each problem next to the field it names, problems
 * about the whole request as a notification. The form's own checks normally catch them first; this covers rules
 * only the service can know (a user name taken a moment ago, a concurrent edit).
 */
public final class FieldMessages {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldMessages bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    public void show(RuleViolation violation) {
        for (RuleViolation.Problem problem : violation.problems()) {
            HasValidation component = problem.field() == null ? null : fields.get(problem.field());
            if (component != null) {
                component.setErrorMessage(problem.message());
                component.setInvalid(true);
            } else {
                showError(problem.message());
            }
        }
    }

    public static void showError(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void showSuccess(String message) {
        Notification notification = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
