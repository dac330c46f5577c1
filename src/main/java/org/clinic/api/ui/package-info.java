/** The administrators' screen of API tokens. */
@NullMarked
package org.clinic.api.ui;

import org.jspecify.annotations.NullMarked;
