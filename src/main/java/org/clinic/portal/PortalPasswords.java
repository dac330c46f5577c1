package org.clinic.portal;

import org.clinic.base.RuleViolation;
import org.clinic.security.PasswordPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The clinic's password policy (the same as staff's), in words for patients: their email address is the sign-in name. */
@Component
class PortalPasswords {

    static final String HINT = PasswordPolicy.MIN_LENGTH + " or more characters; not a common password, not your name "
            + "or email address";
    static final String OWN_NAME = "A password cannot contain your email address or be made of your name";

    private final PasswordPolicy policy;

    PortalPasswords(PasswordPolicy policy) {
        this.policy = policy;
    }

    Optional<String> problem(@Nullable String password, String email, String name) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password");
        }
        return policy.problem(password, email, name)
                .map(problem -> PasswordPolicy.OWN_NAME.equals(problem) ? OWN_NAME : problem);
    }

    /** The Argon2 hash of a password that passes; otherwise refused with the message for {@code field}. */
    String hash(String field, @Nullable String password, String email, String name) {
        Optional<String> problem = problem(password, email, name);
        if (problem.isPresent()) {
            throw new RuleViolation(field, problem.get());
        }
        return policy.hash(field, password, email, name);
    }
}
