package org.clinic.message;

import java.util.List;
import java.util.Map;

/**
 * A way of delivering queued messages (email today; SMS later, behind the same rows and the same retries).
 */
interface MessageChannel {

    /** The value of {@code outbox_message.channel} this channel delivers. */
    String name();

    /** False while the channel has nothing to deliver through (no mail server configured): messages wait. */
    boolean available();

    /**
     * Delivers a batch, over one connection where the channel can (an SMTP conversation costs far more to open
     * than a message costs to send), and returns, by message id, why each one that was not delivered failed.
     */
    Map<Long, String> deliver(List<OutboxStore.Claimed> batch);
}
