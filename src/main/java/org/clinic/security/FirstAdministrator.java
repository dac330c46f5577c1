package org.clinic.security;

import jakarta.validation.ConstraintViolationException;
import org.clinic.base.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * No default password ever ships: the first administrator comes from the environment
 * ({@code CLINIC_ADMIN_USERNAME}, {@code CLINIC_ADMIN_PASSWORD}, optionally {@code CLINIC_ADMIN_NAME}) and is
 * created only while the clinic has no enabled administrator. Its password passes the same policy as every other
 * (StaffPasswords); a refused one is reported in the log and no account is made.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffAccountService service;
    private final StaffAccountRepository accounts;
    private final String username;
    private final String password;
    private final String displayName;

    FirstAdministrator(StaffAccountService service, StaffAccountRepository accounts,
                       @Value("${clinic.admin.username:${CLINIC_ADMIN_USERNAME:}}") String username,
                       @Value("${clinic.admin.password:${CLINIC_ADMIN_PASSWORD:}}") String password,
                       @Value("${clinic.admin.name:${CLINIC_ADMIN_NAME:Administrator}}") String displayName) {
        this.service = service;
        this.accounts = accounts;
        this.username = username;
        this.password = password;
        this.displayName = displayName;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.countByRoleAndEnabledTrue(Role.ADMIN) > 0) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("The clinic has no administrator. Start once with CLINIC_ADMIN_USERNAME and "
                    + "CLINIC_ADMIN_PASSWORD set to create the first one.");
            return;
        }
        try {
            SystemAuthentication.runAs(Role.ADMIN, () ->
                    service.create(new CreateStaffAccount(username, displayName, password, Role.ADMIN)));
        } catch (RuleViolation refused) {
            // The same password policy as for every account (StaffPasswords): say why, never log the password.
            log.error("The first administrator '{}' was not created: {}. Set CLINIC_ADMIN_USERNAME and "
                    + "CLINIC_ADMIN_PASSWORD again and restart.", username, refused.getMessage());
            return;
        } catch (ConstraintViolationException invalid) {
            log.error("The first administrator '{}' was not created: {}. Set CLINIC_ADMIN_USERNAME and "
                    + "CLINIC_ADMIN_PASSWORD again and restart.", username, invalid.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList());
            return;
        }
        log.info("Created the first administrator account '{}' from the environment", username);
    }
}
