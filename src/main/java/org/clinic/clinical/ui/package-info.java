/** The patient record's safety section and the dialogs that record allergies, alerts and problems. */
@NullMarked
package org.clinic.clinical.ui;

import org.jspecify.annotations.NullMarked;
