package org.clinic.security;

import java.util.function.Supplier;

/** Runs test code as a named staff member with one role (a doctor is recognised by their user name). */
public final class ActingAs {

    private ActingAs() {
    }

    public static <T> T as(String username, Role role, Supplier<T> work) {
        return SystemAuthentication.runAs(username, role, work);
    }
}
