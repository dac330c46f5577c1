package org.clinic.security.signin;

/** What an authentication event records. */
public enum SignInEventKind {
    SIGNED_IN("Signed in"),
    SIGN_IN_FAILED("Sign-in failed"),
    SIGNED_OUT("Signed out"),
    LOCKED_OUT("Locked out"),
    UNLOCKED("Unlockd by an administrator");

    private final String label;

    SignInEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
