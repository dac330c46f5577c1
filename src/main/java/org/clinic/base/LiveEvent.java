package org.clinic.base;

/**
 * A fact that open screens may need to show. Published through Spring's event publisher inside the transaction
 * that makes it true; {@link LiveUpdates} relays it to subscribed screens only after that transaction commits.
 * <p>
 * Make each one a record of plain values (ids, dates, strings, numbers, sets and lists of them): with several nodes
 * it also travels to the others as JSON ({@code org.clinic.base.cluster.LiveEventCodec}, ADR 0011), and only records
 * of the clinic's packages are accepted there.
 */
public interface LiveEvent {
}
