package org.clinic.security.signin;

/** What a sign-in pause applies to: one user name (existing or not) or one address. */
public enum LockScope {
    ACCOUNT("User name", SignInReason.ACCOUNT),
    ADDRESS("Address", SignInReason.ADDRESS);

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
