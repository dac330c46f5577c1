package org.clinic.settings;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.clinic.base.ClinicSettings;
import org.clinic.base.RuleViolation;
import org.clinic.base.Setting;
import org.clinic.queue.DisplaySettings;
import org.clinic.queue.Lane;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each clinic setting may be, said once for the form (beside the field) and the service (which cannot be
 * bypassed); the database repeats the cheap parts (V078). Values are text as in application.properties; durations
 * are typed as whole minutes and stored as {@code 45m}.
 */
@Component
public class SettingRules {

    public static final int NAME_MAX = 100;
    public static final int ADDRESS_MAX = 200;
    public static final int SKIP_PLACES_MAX = 20;
    public static final long EARLY_ARRIVAL_MAX_MINUTES = 8 * 60;
    public static final long LONG_WAIT_MIN_MINUTES = 5;
    public static final long LONG_WAIT_MAX_MINUTES = 8 * 60;
    /** The priority lanes a clinic may offer at check-in (emergency is always offered, regular is no lane). */
    public static final List<Lane> PRIORITY_LANES = Arrays.stream(Lane.values()).filter(Lane::isPriority).toList();

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final ClinicSettings inForce;

    SettingRules(ClinicSettings inForce) {
        this.inForce = inForce;
    }

    /**
     * What is wrong with a set of values saved together, each named by its property. A value equal to the one in
     * force is not checked again (it was when it was saved, or is the environment's default); the clinic's phone is
     * read in the phone region saved with it, else the one in force.
     */
    public List<RuleViolation.Problem> problems(Map<Setting, String> values) {
        List<RuleViolation.Problem> problems = new ArrayList<>();
        String region = values.getOrDefault(Setting.PHONE_REGION, inForce.phoneRegion());
        values.forEach((setting, value) -> {
            String text = value == null ? "" : value;
            if (problem(setting, inForce.value(setting)).isEmpty()
                    && normalized(setting, inForce.value(setting)).equals(normalized(setting, text))) {
                return;
            }
            Optional<String> problem = setting == Setting.PHONE ? phoneProblem(text, region) : problem(setting, text);
            problem.ifPresent(p -> problems.add(new RuleViolation.Problem(setting.property(), p)));
        });
        return problems;
    }

    /** What is wrong with this value, in words for the person who typed it; empty when it may be saved. */
    public Optional<String> problem(Setting setting, String value) {
        String text = value.strip();
        return Optional.ofNullable(switch (setting) {
            case NAME -> text.isEmpty() ? "Enter the clinic's name as patients know it"
                    : text.length() > NAME_MAX ? "At most " + NAME_MAX + " characters"
                    : hasControl(text) ? "Use letters, digits and punctuation only" : null;
            case ADDRESS -> text.length() > ADDRESS_MAX ? "At most " + ADDRESS_MAX + " characters"
                    : hasControl(text) ? "Write the address on one line; commas start new lines on paper" : null;
            case PHONE -> phoneProblem(text, inForce.phoneRegion()).orElse(null);
            case TIME_ZONE -> zone(text).isPresent() ? null
                    : "Choose a time zone such as Europe/London";
            case PHONE_REGION -> PHONES.getSupportedRegions().contains(text.toUpperCase(Locale.ROOT)) ? null
                    : "Choose a country (a two-letter code such as GB)";
            case DISPLAY_LANGUAGE -> DisplaySettings.LANGUAGES.contains(text) ? null
                    : "Choose one of the languages displays can speak";
            case PRIORITY_LANES -> lanesProblem(text);
            case SKIP_PLACES -> wholeNumber(text).filter(n -> n >= 1 && n <= SKIP_PLACES_MAX).isPresent() ? null
                    : "A whole number from 1 to " + SKIP_PLACES_MAX;
            case EARLY_ARRIVAL -> minutes(text).filter(m -> m >= 0 && m <= EARLY_ARRIVAL_MAX_MINUTES).isPresent()
                    ? null : "Minutes from 0 to " + EARLY_ARRIVAL_MAX_MINUTES + " (8 hours)";
            case LONG_WAIT -> minutes(text).filter(m -> m >= LONG_WAIT_MIN_MINUTES && m <= LONG_WAIT_MAX_MINUTES)
                    .isPresent() ? null
                    : "Minutes from " + LONG_WAIT_MIN_MINUTES + " to " + LONG_WAIT_MAX_MINUTES + " (8 hours)";
            case SAME_DAY_REMINDERS, DAY_BEFORE_REMINDERS -> "-".equals(text) || CronExpression.isValidExpression(text)
                    ? null : "Six fields: second minute hour day month weekday, e.g. 0 0 8 * * * for 08:00; - for off";
        });
    }

    private static Optional<String> phoneProblem(String text, String region) {
        String typed = text.strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        boolean valid;
        try {
            valid = typed.length() <= 40 && typed.matches("[0-9+()./\\-\\s]+")
                    && PHONES.isValidNumber(PHONES.parse(typed, region.toUpperCase(Locale.ROOT)));
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            valid = false;
        }
        return valid ? Optional.empty() : Optional.of("Not a phone number of the clinic's region ("
                + region.toUpperCase(Locale.ROOT) + "); start with + and the country code for another");
    }

    /** The value as it is stored: trimmed, codes upper case, durations as {@code 45m}, lanes in their order. */
    public String normalized(Setting setting, String value) {
        String text = value.strip();
        return switch (setting) {
            case PHONE_REGION -> text.toUpperCase(Locale.ROOT);
            case TIME_ZONE -> zone(text).map(ZoneId::getId).orElse(text);
            case PRIORITY_LANES -> String.join(",", lanes(text).stream()
                    .sorted().map(Lane::name).distinct().toList());
            case SKIP_PLACES -> wholeNumber(text).map(String::valueOf).orElse(text);
            case EARLY_ARRIVAL, LONG_WAIT -> minutes(text).map(m -> m + "m").orElse(text);
            case SAME_DAY_REMINDERS, DAY_BEFORE_REMINDERS -> text.replaceAll("\\s+", " ");
            default -> text;
        };
    }

    /** A stored value as people read it: "45 min", "Senior, Pregnant", "off". */
    public static String display(Setting setting, String value) {
        return switch (setting) {
            case EARLY_ARRIVAL, LONG_WAIT -> {
                Duration d = ClinicSettings.parseDuration(value);
                yield d == null ? value : d.toMinutes() + " min";
            }
            case PRIORITY_LANES -> String.join(", ", lanes(value).stream().map(Lane::label).toList());
            case SAME_DAY_REMINDERS, DAY_BEFORE_REMINDERS -> "-".equals(value.strip()) ? "off" : value;
            default -> value.isBlank() ? "(none)" : value;
        };
    }

    /** Minutes typed ("45") or a duration as in application.properties ("2h", "PT45M"). */
    public static Optional<Long> minutes(String text) {
        Duration d = ClinicSettings.parseDuration(text);
        return d == null || d.isNegative() || d.toSecondsPart() != 0 ? Optional.empty() : Optional.of(d.toMinutes());
    }

    /** The lanes named in a comma-separated list (unknown names left out). */
    public static List<Lane> lanes(String text) {
        List<Lane> lanes = new ArrayList<>();
        for (String name : text.split(",")) {
            for (Lane lane : Lane.values()) {
                if (lane.name().equalsIgnoreCase(name.strip())) {
                    lanes.add(lane);
                }
            }
        }
        return lanes;
    }

    private static @Nullable String lanesProblem(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            return "Choose at least one lane; emergencies are always offered besides";
        }
        for (String name : names) {
            if (PRIORITY_LANES.stream().noneMatch(l -> l.name().equals(name))) {
                return "Not a priority lane: " + name;
            }
        }
        return null;
    }

    private static Optional<ZoneId> zone(String text) {
        // region ids only ("Europe/London", "UTC"): offsets like "+02:00" ignore summer time
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(text));
    }

    private static Optional<Integer> wholeNumber(String text) {
        return text.matches("\\d{1,4}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
