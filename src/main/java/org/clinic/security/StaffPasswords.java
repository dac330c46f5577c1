package org.clinic.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The staff side of the {@link PasswordPolicy}: the create form (through {@link CreateStaffAccount}'s constraints),
 * the reset dialog and the service all show its messages. The rules themselves are shared with patients' accounts.
 */
@Component
public class StaffPasswords {

    public static final int MIN_LENGTH = PasswordPolicy.MIN_LENGTH;
    public static final int MAX_LENGTH = PasswordPolicy.MAX_LENGTH;
    public static final String TOO_SHORT = PasswordPolicy.TOO_SHORT;
    public static final String TOO_LONG = PasswordPolicy.TOO_LONG;
    public static final String HINT = MIN_LENGTH + "–" + MAX_LENGTH
            + " characters; not a common password, not the person's name or user name";
    public static final String ONLY_SPACES = PasswordPolicy.ONLY_SPACES;
    public static final String COMMON = PasswordPolicy.COMMON;
    public static final String OWN_NAME = PasswordPolicy.OWN_NAME;
    public static final String CLINIC_NAME = PasswordPolicy.CLINIC_NAME;
    public static final String REPEATED = PasswordPolicy.REPEATED;
    public static final String SEQUENCE = PasswordPolicy.SEQUENCE;

    private final PasswordPolicy policy;

    @Autowired
    StaffPasswords(PasswordPolicy policy) {
        this.policy = policy;
    }

    /** A policy of its own, for tests without a Spring context. */
    StaffPasswords(PasswordEncoder encoder, @Value("${clinic.name:}") String clinicName) {
        this(new PasswordPolicy(encoder, clinicName));
    }

    /** What is wrong with this password for this person, as the message to show next to the field. */
    Optional<String> problem(String password, String username, String displayName) {
        return policy.problem(password, username, displayName);
    }

    /** Hashes a password that passes the policy; otherwise refuses it with the message for {@code field}. */
    String hash(String field, String password, String username, String displayName) {
        return policy.hash(field, password, username, displayName);
    }
}
