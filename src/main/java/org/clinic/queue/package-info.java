/** The live queue: check-in, tokens, call order with fair priorities, and every queue operation logged. */
@NullMarked
package org.clinic.queue;

import org.jspecify.annotations.NullMarked;
