package org.clinic.base;

/** What the application frame shows about the signed-in person or device. Implemented by the security module. */
public interface StaffIdentity {

    String displayName();

    /** The role, as people call it ("Receptionist"). */
    String roleLabel();
}
