/** The portal's screens for patients (mobile first), and the portal-access part of the patient record for reception. */
@NullMarked
package org.clinic.portal.ui;

import org.jspecify.annotations.NullMarked;
