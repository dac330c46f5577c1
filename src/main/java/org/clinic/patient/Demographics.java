package org.clinic.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/**
 * Who the patient is for dosing and dispensing: date of birth (and whether it is an estimate) and sex, as the printed
 * prescription and the consultation show them beside the name and MRN.
 */
public record Demographics(UUID patientId, LocalDate birthDate, boolean birthDateEstimated, Sex sex) {

    /**
     * The age on a day as clinicians write it: days under four weeks, months under two years ("18 months"), years
     * from then on; "about" when the date of birth is an estimate.
     */
    public String ageOn(LocalDate day) {
        return (birthDateEstimated ? "about " : "") + age(birthDate, day);
    }

    static String age(LocalDate born, LocalDate day) {
        if (day.isBefore(born)) {
            return "not yet born";
        }
        Period age = Period.between(born, day);
        long days = java.time.temporal.ChronoUnit.DAYS.between(born, day);
        if (days < 28) {
            return days == 1 ? "1 day" : days + " days";
        }
        if (age.getYears() < 2) {
            int months = age.getYears() * 12 + age.getMonths();
            if (months == 0) {
                long weeks = days / 7;
                return weeks + " weeks";
            }
            return months == 1 ? "1 month" : months + " months";
        }
        return age.getYears() + " years";
    }
}
