package org.clinic.security;

import jakarta.validation.Valid;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Administrators manage staff accounts: create, disable and enable, reset passwords, change roles. */
@Service
@Validated
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class StaffAccountService {

    private final StaffAccountRepository accounts;
    private final StaffPasswords passwords;
    private final StaffSessions sessions;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    StaffAccountService(StaffAccountRepository accounts, StaffPasswords passwords, StaffSessions sessions,
                        CurrentStaff currentStaff, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StaffAccountSummary> list() {
        return accounts.findAllByOrderByRoleAscDisplayNameAsc().stream().map(StaffAccount::toSummary).toList();
    }

    @Transactional
    public StaffAccountSummary create(@Valid CreateStaffAccount command) {
        String username = command.username().strip().toLowerCase(Locale.ROOT);
        String displayName = Texts.clean(command.displayName());
        if (displayName == null || displayName.length() < 2 || Texts.hasInvisibleCharacters(displayName)
                || displayName.contains("<") || displayName.contains(">")) {
            throw new RuleViolation("displayName", "Enter the person's name (2–100 characters, no < or >)");
        }
        if (accounts.existsByUsername(username)) {
            throw new RuleViolation("username", "The user name " + username + " is already taken");
        }
        StaffAccount account = new StaffAccount(username, displayName,
                passwords.hash("password", command.password(), username, displayName), command.role(),
                clock.instant());
        return accounts.saveAndFlush(account).toSummary();
    }

    /** Disables an account and ends its open sessions once the change is committed. */
    @Transactional
    public StaffAccountSummary disable(UUID id) {
        StaffAccount account = find(id);
        refuseOnOwnAccount(account, "You cannot disable your own account");
        if (account.role() == Role.ADMIN) {
            refuseRemovingLastAdmin(account);
        }
        account.disable();
        String username = account.username();
        afterCommit(() -> sessions.endSessionsOf(username));
        return account.toSummary();
    }

    @Transactional
    public StaffAccountSummary enable(UUID id) {
        StaffAccount account = find(id);
        account.enable();
        return account.toSummary();
    }

    @Transactional
    public StaffAccountSummary resetPassword(UUID id, String newPassword) {
        StaffAccount account = find(id);
        account.changePasswordHash(passwords.hash("password", newPassword, account.username(),
                account.displayName()));
        return account.toSummary();
    }

    /** Changes the role; the person's open sessions end, so the new role applies from their next sign-in. */
    @Transactional
    public StaffAccountSummary changeRole(UUID id, Role role) {
        StaffAccount account = find(id);
        if (account.role() == role) {
            return account.toSummary();
        }
        refuseOnOwnAccount(account, "You cannot change your own role");
        if (account.role() == Role.ADMIN) {
            refuseRemovingLastAdmin(account);
        }
        account.changeRole(role);
        String username = account.username();
        afterCommit(() -> sessions.endSessionsOf(username));
        return account.toSummary();
    }

    private StaffAccount find(UUID id) {
        return accounts.findByPublicId(id).orElseThrow(() -> new NotFoundException("No such staff account"));
    }

    private void refuseOnOwnAccount(StaffAccount account, String message) {
        if (currentStaff.username().filter(account.username()::equals).isPresent()) {
            throw new RuleViolation(null, message);
        }
    }

    private void refuseRemovingLastAdmin(StaffAccount account) {
        List<StaffAccount> admins = accounts.lockEnabledAdmins();
        if (account.enabled() && admins.size() <= 1) {
            throw new RuleViolation(null, "The clinic needs at least one enabled administrator");
        }
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
