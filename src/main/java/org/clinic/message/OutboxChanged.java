package org.clinic.message;

import org.clinic.base.LiveEvent;

/** Messages were queued, sent, retried, failed or skipped: the Outbox screen refreshes. */
public record OutboxChanged() implements LiveEvent {
}
