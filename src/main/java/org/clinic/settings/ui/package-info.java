/** The administrators' settings screen. */
@NullMarked
package org.clinic.settings.ui;

import org.jspecify.annotations.NullMarked;
