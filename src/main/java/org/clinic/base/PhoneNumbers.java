package org.clinic.base;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Phone numbers as people type them, read in the clinic's default region and stored in E.164
 * ({@code +44207900123}).
 */
@Component
public class PhoneNumbers {

    private static final PhoneNumberUtil LIBRARY = PhoneNumberUtil.getInstance();

    private final ClinicSettings settings;

    public PhoneNumbers(ClinicSettings settings) {
        this.settings = settings;
    }

    /** The E.164 form of a valid number, or empty when the text is not a valid phone number. */
    public Optional<String> toE164(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > 40 || !text.matches("[0-9+()./\\-\\s]+")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = LIBRARY.parse(text, settings.phoneRegion());
            if (!LIBRARY.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(LIBRARY.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** How a stored E.164 number is shown to staff: national format for local numbers, international otherwise. */
    public String display(@Nullable String e164) {
        if (e164 == null) {
            return "";
        }
        String defaultRegion = settings.phoneRegion();
        try {
            PhoneNumber number = LIBRARY.parse(e164, defaultRegion);
            boolean local = defaultRegion.equals(LIBRARY.getRegionCodeForNumber(number));
            return LIBRARY.format(number, local ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL
                    : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /**
     * The E.164 prefix that a partly typed number stands for ({@code "020 79"} → {@code "+442079"}), for prefix
     * search; empty when the text holds too few digits to be worth searching.
     */
    public Optional<String> e164Prefix(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() < 3) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("+")) {
            return Optional.of("+" + digits);
        }
        if (digits.startsWith("00")) {
            return Optional.of("+" + digits.substring(2));
        }
        String defaultRegion = settings.phoneRegion();
        int countryCode = LIBRARY.getCountryCodeForRegion(defaultRegion);
        String nationalPrefix = Optional.ofNullable(LIBRARY.getNddPrefixForRegion(defaultRegion, true)).orElse("");
        String national = !nationalPrefix.isEmpty() && digits.startsWith(nationalPrefix)
                ? digits.substring(nationalPrefix.length()) : digits;
        return Optional.of("+" + countryCode + national);
    }
}
