package org.clinic.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/**
 * Sign-in reads accounts from MariaDB; a disabled account is refused by Spring Security. A password hashed with an
 * older algorithm (bcrypt) is re-hashed with the current one when its owner signs in with it.
 */
@Service
class StaffUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final StaffAccountRepository accounts;

    StaffUserDetailsService(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                .map(StaffPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, @Nullable String newPasswordHash) {
        if (newPasswordHash == null) {
            return user;
        }
        return accounts.findByUsername(user.getUsername()).map(account -> {
            account.changePasswordHash(newPasswordHash);
            return (UserDetails) new StaffPrincipal(account);
        }).orElse(user);
    }
}
