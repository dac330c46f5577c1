/**
 * The administrator's statistics dashboard: today's figures per doctor, live, and the last thirty days, read from
 * the appointments and queue visits the clinic already records, cached until an event changes them.
 */
@NullMarked
package org.clinic.statistics;

import org.jspecify.annotations.NullMarked;
