/** The consultation screen, its printable summary, and the patient record's consultation timeline. */
@NullMarked
package org.clinic.consultation.ui;

import org.jspecify.annotations.NullMarked;
