/** The application frame: main layout, navigation, error and not-found pages, shared UI pieces. */
@NullMarked
package org.clinic.base.ui;

import org.jspecify.annotations.NullMarked;
