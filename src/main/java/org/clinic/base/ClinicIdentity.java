package org.clinic.base;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * The clinic as paper names it: on prescriptions, tickets and reports. Read through {@link ClinicIdentitySource} at
 * the moment something is printed, so a change reaches the next printout.
 *
 * @param name         e.g. "Riverside Outpatient Clinic"
 * @param addressLines the postal address, one line each; empty when none is configured
 * @param phone        the number patients and pharmacists call; empty when none is configured
 * @param logo         printed beside the name; null when none was uploaded (then the name stands alone)
 */
public record ClinicIdentity(String name, List<String> addressLines, String phone, @Nullable ClinicLogo logo) {

    public ClinicIdentity {
        name = name == null || name.isBlank() ? "Clinic" : name.strip();
        addressLines = addressLines == null ? List.of()
                : addressLines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        phone = phone == null ? "" : phone.strip();
    }

    /** A clinic without a logo. */
    public ClinicIdentity(String name, List<String> addressLines, String phone) {
        this(name, addressLines, phone, null);
    }

    /**
     * An address typed as one setting, as it is written on one line: "12 River Street, London SE1 7PB". Commas,
     * semicolons and line breaks separate its lines on paper.
     */
    public static List<String> lines(String address) {
        return address == null ? List.of() : Arrays.stream(address.split("[,;\\n\\r]+")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    /** The address on one line, e.g. "12 River Street, London SE1 7PB". */
    public String address() {
        return String.join(", ", addressLines);
    }
}
