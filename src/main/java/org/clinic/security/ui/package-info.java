/** Sign-in page and the administrators' staff account screen. */
@NullMarked
package org.clinic.security.ui;

import org.jspecify.annotations.NullMarked;
