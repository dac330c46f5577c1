package org.clinic.security;

import org.clinic.base.StaffIdentity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** The signed-in staff member (or display device), as Spring Security keeps it in the session. */
final class StaffPrincipal extends User implements StaffIdentity {

    private final String displayName;
    private final Role role;

    StaffPrincipal(StaffAccount account) {
        super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.displayName = account.displayName();
        this.role = account.role();
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String roleLabel() {
        return role.label();
    }

    Role role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other); // by user name, as Spring Security's User
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
