package org.clinic.base;

/**
 * A fact that open screens may need to show. Published through Spring's event publisher inside the transaction
 * that makes it true; {@link LiveUpdates} relays it to subscribed screens only after that transaction commits.
 */
public interface LiveEvent {
}
