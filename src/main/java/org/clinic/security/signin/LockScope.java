package org.clinic.security.signin;

/**
 * What a sign-in pause applies to: one user name (existing or not) or one address, for staff sign-in; one email
 * address or one address for the patient portal's sign-in, counted apart, so neither can pause the other.
 */
public enum LockScope {
    ACCOUNT("User name", SignInReason.ACCOUNT),
    ADDRESS("Address", SignInReason.ADDRESS),
    PATIENT("Patient email (portal)", SignInReason.ACCOUNT),
    PORTAL_ADDRESS("Address (portal)", SignInReason.ADDRESS);

    private final String label;
    private final SignInReason reason;

    LockScope(String label, SignInReason reason) {
        this.label = label;
        this.reason = reason;
    }

    public String label() {
        return label;
    }

    SignInReason reason() {
        return reason;
    }
}
