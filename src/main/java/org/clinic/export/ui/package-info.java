/** The Exports screen and the patient record's export button. */
@NullMarked
package org.clinic.export.ui;

import org.jspecify.annotations.NullMarked;
