/** Clinic settings on screen: administrators change name, zone, queue rules and reminder times, audited and live. */
@NullMarked
package org.clinic.settings;

import org.jspecify.annotations.NullMarked;
