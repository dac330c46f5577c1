package org.clinic.security;

import org.clinic.base.RuleViolation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The password policy and hashing (Spring Security's delegating encoder: the hash names its algorithm). */
@Component
class StaffPasswords {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final PasswordEncoder encoder;

    StaffPasswords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    String hash(String field, String password) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new RuleViolation(field, "At least " + MIN_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new RuleViolation(field, "A password cannot be only spaces");
        }
        return encoder.encode(password);
    }
}
