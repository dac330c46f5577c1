package org.clinic.security;

import org.clinic.base.LiveEvent;

/**
 * Every open session of one person is to end now (account disabled, password reset, role changed, portal access
 * revoked), on every node: sessions live in the node that serves them. {@code user} is the staff user name, or
 * for a patient ({@code patient} true) the portal account's audit name.
 */
public record SessionsEnded(String user, boolean patient) implements LiveEvent {
}
