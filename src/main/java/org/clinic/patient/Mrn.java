package org.clinic.patient;

/**
 * Medical record numbers: a running number with a Luhn check digit, so a mistyped digit is caught
 * ({@code 1000001} → {@code 10000016}, shown as {@code 1000-0016}).
 */
public final class Mrn {

    private Mrn() {
    }

    public static String fromSequence(long number) {
        String digits = Long.toString(number);
        return digits + checkDigit(digits);
    }

    public static boolean isValid(String mrn) {
        return mrn.matches("[0-9]{8,12}")
                && checkDigit(mrn.substring(0, mrn.length() - 1)) == mrn.charAt(mrn.length() - 1) - '0';
    }

    /** Grouped in fours from the left for reading aloud: {@code 1000-0011}. */
    public static String display(String mrn) {
        StringBuilder shown = new StringBuilder(mrn.length() + 3);
        for (int i = 0; i < mrn.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                shown.append('-');
            }
            shown.append(mrn.charAt(i));
        }
        return shown.toString();
    }

    static int checkDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
