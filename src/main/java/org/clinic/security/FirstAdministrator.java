package org.clinic.security;

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
 * created only while the clinic has no enabled administrator.
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
        SystemAuthentication.runAs(Role.ADMIN, () ->
                service.create(new CreateStaffAccount(username, displayName, password, Role.ADMIN)));
        log.info("Created the first administrator account '{}' from the environment", username);
    }
}
