package org.clinic.security;

import jakarta.validation.Valid;
import org.clinic.base.NotFoundException;
import org.clinic.base.RuleViolation;
import org.clinic.base.Texts;
import org.clinic.security.StaffAccountChangeEntry.Kind;
import org.jspecify.annotations.Nullable;
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

/**
 * Administrators manage staff accounts: create, disable and enable, reset passwords, change roles, and choose whether
 * a waiting-room display shows initials. Every change is recorded in the same transaction (staff_account_change,
 * append-only); the person's display tokens go with it, and their open sessions end once it is committed.
 */
@Service
@Validated
@PreAuthorize("hasRole('" + Role.ADMIN_NAME + "')")
public class StaffAccountService {

    private final StaffAccountRepository accounts;
    private final StaffAccountChangeRepository changes;
    private final StaffPasswords passwords;
    private final StaffSessions sessions;
    private final DisplayDeviceRememberMe displayDevices;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    StaffAccountService(StaffAccountRepository accounts, StaffAccountChangeRepository changes,
                        StaffPasswords passwords, StaffSessions sessions, DisplayDeviceRememberMe displayDevices,
                        CurrentStaff currentStaff, Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.passwords = passwords;
        this.sessions = sessions;
        this.displayDevices = displayDevices;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StaffAccountSummary> list() {
        return accounts.findAllByOrderByRoleAscDisplayNameAsc().stream().map(StaffAccount::toSummary).toList();
    }

    /** What was changed on an account, newest first. */
    @Transactional(readOnly = true)
    public List<StaffAccountChangeEntry> history(UUID id) {
        return changes.findByAccountIdOrderByIdDesc(find(id).id()).stream().map(StaffAccountChange::toEntry).toList();
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
        StaffAccount account = accounts.saveAndFlush(new StaffAccount(username, displayName,
                passwords.hash("password", command.password(), username, displayName), command.role(),
                clock.instant()));
        record(account, Kind.CREATED, null, account.role());
        return account.toSummary();
    }

    /** Disables an account: its display tokens are forgotten, its open sessions end once this is committed. */
    @Transactional
    public StaffAccountSummary disable(UUID id) {
        StaffAccount account = find(id);
        refuseOnOwnAccount(account, "You cannot disable your own account");
        if (account.role() == Role.ADMIN) {
            refuseRemovingLastAdmin(account);
        }
        if (!account.enabled()) {
            return account.toSummary();
        }
        account.disable();
        record(account, Kind.DISABLED, null, null);
        signOutEverywhere(account);
        return account.toSummary();
    }

    @Transactional
    public StaffAccountSummary enable(UUID id) {
        StaffAccount account = find(id);
        if (account.enabled()) {
            return account.toSummary();
        }
        account.enable();
        record(account, Kind.ENABLED, null, null);
        return account.toSummary();
    }

    /** Sets a new password (the policy's message goes to the field "password"); the person signs in again. */
    @Transactional
    public StaffAccountSummary resetPassword(UUID id, String newPassword) {
        StaffAccount account = find(id);
        account.changePasswordHash(passwords.hash("password", newPassword, account.username(),
                account.displayName()));
        record(account, Kind.PASSWORD_RESET, null, null);
        signOutEverywhere(account);
        return account.toSummary();
    }

    /** Changes the role; the person's open sessions end, so the new role applies from their next sign-in. */
    @Transactional
    public StaffAccountSummary changeRole(UUID id, Role role) {
        return changeRole(find(id), role);
    }

    /**
     * Changes the role the administrator confirmed, from the role they were shown: refused (field "to") when the
     * account no longer has that role, so a confirmation never names a role that is not the one replaced.
     */
    @Transactional
    public StaffAccountSummary changeRole(@Valid ChangeStaffRole change) {
        StaffAccount account = find(change.accountId());
        if (account.role() != change.from()) {
            throw new RuleViolation("to", account.displayName() + " is " + account.role().label()
                    + " now: someone changed it meanwhile, nothing was changed");
        }
        return changeRole(account, change.to());
    }

    private StaffAccountSummary changeRole(StaffAccount account, Role role) {
        if (account.role() == role) {
            return account.toSummary();
        }
        refuseOnOwnAccount(account, "You cannot change your own role");
        if (account.role() == Role.ADMIN) {
            refuseRemovingLastAdmin(account);
        }
        Role before = account.role();
        account.changeRole(role);
        record(account, Kind.ROLE_CHANGED, before, role);
        signOutEverywhere(account);
        return account.toSummary();
    }

    /** Whether a waiting-room display account shows patients' initials next to tokens (tokens only by default). */
    @Transactional
    public StaffAccountSummary showInitials(UUID id, boolean shown) {
        StaffAccount account = find(id);
        if (account.displayInitials() == shown) {
            return account.toSummary();
        }
        account.showInitials(shown);
        record(account, shown ? Kind.INITIALS_SHOWN : Kind.INITIALS_HIDDEN, null, null);
        return account.toSummary();
    }

    private StaffAccount find(UUID id) {
        return accounts.findByPublicId(id).orElseThrow(() -> new NotFoundException("No such staff account"));
    }

    private void record(StaffAccount account, Kind kind, @Nullable Role before, @Nullable Role after) {
        changes.save(new StaffAccountChange(account.id(), currentStaff.usernameForAudit(), kind, before, after,
                clock.instant()));
    }

    /** Display tokens are deleted with the change (same transaction); sessions can only end after the commit. */
    private void signOutEverywhere(StaffAccount account) {
        String username = account.username();
        displayDevices.forgetUser(username);
        afterCommit(() -> sessions.endSessionsOf(username));
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
