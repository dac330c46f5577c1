package org.clinic.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a waiting-room display shows is set by an administrator per display account, never by the device or its
 * address: the display view asks here, under the viewer's own sign-in.
 */
@Service
public class DisplayDevices {

    private final StaffAccountRepository accounts;
    private final CurrentStaff currentStaff;

    DisplayDevices(StaffAccountRepository accounts, CurrentStaff currentStaff) {
        this.accounts = accounts;
        this.currentStaff = currentStaff;
    }

    /**
     * Whether the signed-in viewer sees patients' initials next to tokens: only an enabled DISPLAY account that an
     * administrator set to show them. Staff previewing the display see tokens only, as an unconfigured display does.
     */
    @PreAuthorize("hasAnyRole('" + Role.DISPLAY_NAME + "', '" + Role.RECEPTIONIST_NAME + "', '" + Role.DOCTOR_NAME
            + "', '" + Role.ADMIN_NAME + "')")
    @Transactional(readOnly = true)
    public boolean initialsShown() {
        return currentStaff.username().flatMap(accounts::findByUsername)
                .filter(account -> account.enabled() && account.role() == Role.DISPLAY)
                .map(StaffAccount::displayInitials).orElse(false);
    }
}
