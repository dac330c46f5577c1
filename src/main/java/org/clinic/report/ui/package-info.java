/** The Reports screen: a month's figures for a doctor or the whole clinic, with PDF and CSV downloads. */
@NullMarked
package org.clinic.report.ui;

import org.jspecify.annotations.NullMarked;
