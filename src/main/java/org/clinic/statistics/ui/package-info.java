/** The statistics dashboard screen and its server-rendered charts. */
@NullMarked
package org.clinic.statistics.ui;

import org.jspecify.annotations.NullMarked;
