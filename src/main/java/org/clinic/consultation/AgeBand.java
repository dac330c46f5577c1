package org.clinic.consultation;

/**
 * The age bands of the paediatric reference that {@link VitalRanges} follows (the American Heart Association's
 * Pediatric Advanced Life Support tables, which split childhood into newborn, infant, toddler, preschooler,
 * school-age child, preadolescent and adolescent), plus adults from 18.
 */
public enum AgeBand {
    NEWBORN("a newborn", "0–28 days"),
    INFANT("an infant", "1–11 months"),
    TODDLER("a toddler", "1–2 years"),
    PRESCHOOL("a preschool child", "3–5 years"),
    SCHOOL_AGE("a school-age child", "6–9 years"),
    PREADOLESCENT("a child of 10–12", "10–12 years"),
    ADOLESCENT("an adolescent", "13–17 years"),
    ADULT("an adult", "18 years and over");

    /** The last day of life that still counts as newborn (the neonatal period is the first 28 days). */
    static final int NEWBORN_LAST_DAY = 28;

    private final String who;
    private final String ages;

    AgeBand(String who, String ages) {
        this.who = who;
        this.ages = ages;
    }

    public static AgeBand of(Age age) {
        if (age.days() <= NEWBORN_LAST_DAY) {
            return NEWBORN;
        }
        int years = age.years();
        if (years < 1) {
            return INFANT;
        }
        if (years < 3) {
            return TODDLER;
        }
        if (years < 6) {
            return PRESCHOOL;
        }
        if (years < 10) {
            return SCHOOL_AGE;
        }
        if (years < 13) {
            return PREADOLESCENT;
        }
        return years < 18 ? ADOLESCENT : ADULT;
    }

    /** Who is meant, for a sentence: "usual for a toddler". */
    public String who() {
        return who;
    }

    /** The ages the band covers, e.g. "1–2 years". */
    public String ages() {
        return ages;
    }

    public boolean adult() {
        return this == ADULT;
    }
}
