/** Shared kernel: clock and settings, live updates after commit, phone numbers, the main layout and error pages. */
@NullMarked
package org.clinic.base;

import org.jspecify.annotations.NullMarked;
