/** The Outbox screen for administrators. */
@NullMarked
package org.clinic.message.ui;

import org.jspecify.annotations.NullMarked;
