/** Messages to patients and staff: the transactional outbox, email templates, delivery with retries, reminders. */
@NullMarked
package org.clinic.message;

import org.jspecify.annotations.NullMarked;
