package org.clinic.base;

/**
 * Anything may have changed: re-read from the database. Published on this node only (never sent to the others),
 * outside any transaction, by the live update bus of several nodes ({@code org.clinic.base.cluster}): at every
 * reconcile interval while the bus is down, and once when it is up again, because events may have been missed in
 * between. Every screen and every cache treats it as matching everything.
 */
public record LiveResync() implements LiveEvent {
}
