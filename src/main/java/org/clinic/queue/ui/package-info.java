/** The reception dashboard, the doctor's queue and the waiting-room display. */
@NullMarked
package org.clinic.queue.ui;

import org.jspecify.annotations.NullMarked;
