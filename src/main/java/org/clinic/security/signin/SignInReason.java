package org.clinic.security.signin;

/**
 * Why, or how, an authentication event happened. A failure's reason is for administrators only: the person signing
 * in is told the same thing whatever it was.
 */
public enum SignInReason {
    PASSWORD("With password"),
    REMEMBERED_DEVICE("Remembered display device"),
    BAD_CREDENTIALS("Wrong user name or password"),
    LOCKED("Locked at the time"),
    DISABLED("Account disabled"),
    OTHER("Other"),
    BY_USER("By the person"),
    IDLE("Nobody at the screen"),
    ACCOUNT("User name"),
    ADDRESS("Address");

    private final String label;

    SignInReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
