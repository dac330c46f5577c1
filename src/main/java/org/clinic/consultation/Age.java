package org.clinic.consultation;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * A patient's age on a given day (the day of a consultation, so an old visit is judged by the age the patient had
 * then), in whole days and as years and months.
 *
 * @param estimated the date of birth was estimated from an age in years, so the age is approximate
 */
public record Age(long days, int years, int months, boolean estimated) {

    public Age {
        if (days < 0 || years < 0 || months < 0 || months > 11) {
            throw new IllegalArgumentException("Not an age: " + days + " days, " + years + " years, " + months
                    + " months");
        }
    }

    /** The age on {@code day} of someone born on {@code birthDate}; a birth date after that day counts as day 0. */
    public static Age on(LocalDate day, LocalDate birthDate, boolean estimated) {
        if (day.isBefore(birthDate)) {
            return new Age(0, 0, 0, estimated);
        }
        Period period = Period.between(birthDate, day);
        return new Age(ChronoUnit.DAYS.between(birthDate, day), period.getYears(), period.getMonths(), estimated);
    }

    /** Whole months of life, e.g. 20 for a child of 1 year and 8 months. */
    public int totalMonths() {
        return years * 12 + months;
    }

    public AgeBand band() {
        return AgeBand.of(this);
    }

    /**
     * As a clinician says it: days in the first four weeks, months under 2 years ("20 months"), years and months
     * from 2 to 5 ("3 years 4 months"), years after that; "about" when the birth date was estimated.
     */
    public String text() {
        String text;
        if (days <= AgeBand.NEWBORN_LAST_DAY) {
            text = days == 1 ? "1 day" : days + " days";
        } else if (years < 2) {
            int m = totalMonths();
            text = m == 1 ? "1 month" : m + " months";
        } else if (years < 6) {
            text = years + " years" + (months == 0 ? "" : months == 1 ? " 1 month" : " " + months + " months");
        } else {
            text = years + " years";
        }
        return estimated ? "about " + text : text;
    }
}
