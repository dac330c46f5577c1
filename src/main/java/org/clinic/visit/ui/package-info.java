/** The position page ({@code /visit/<code>}, no sign-in) and the kiosk screen ({@code /kiosk}). */
@NullMarked
package org.clinic.visit.ui;

import org.jspecify.annotations.NullMarked;
