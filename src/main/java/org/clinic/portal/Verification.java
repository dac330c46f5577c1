package org.clinic.portal;

/** What entering an emailed code came to. */
public enum Verification {
    /** The account exists now: the patient may sign in. */
    ACCOUNT_READY,
    /** The code was wrong, used, expired or out of tries (never said which). */
    NOT_VALID,
    /** A new patient's details match a registry record after all: link it instead. */
    RECORD_EXISTS,
    /** This email address already signs in to a portal account. */
    EMAIL_TAKEN,
    /** The record already has portal access. */
    ALREADY_HAS_ACCESS;

    /** What to tell the patient, in plain words. */
    public String message() {
        return switch (this) {
            case ACCOUNT_READY -> "Your account is ready. Sign in with your email address and password.";
            case NOT_VALID -> "This code is not right, or it is no longer valid. Check the latest email from us, or "
                    + "start again to get a new code.";
            case RECORD_EXISTS -> RecordAlreadyExists.MESSAGE;
            case EMAIL_TAKEN -> "This email address already has a portal account. Sign in with it instead.";
            case ALREADY_HAS_ACCESS -> "Your record already has a portal account. Sign in with it, or ask reception "
                    + "for help.";
        };
    }
}
