package org.clinic.security;

import com.nulabinc.zxcvbn.StandardDictionaries;
import org.clinic.base.RuleViolation;
import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalRegexRule;
import org.passay.IllegalSequenceRule;
import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The password policy of the clinic, its messages and hashing, in one place, for staff accounts
 * ({@link StaffPasswords}) and patients' portal accounts alike: the forms and the services all show these messages.
 * <p>
 * A password is 10 to 128 characters and is refused when it is one of the 30 000 most common leaked passwords (the
 * list zxcvbn4j ships), or is one with digits and symbols around it ({@code Password123!}); when it contains the user
 * name or is made only of parts of the person's or the clinic's name; when it is a few characters repeated; or when
 * it contains a run of six or more of a simple sequence ({@code 123456}, {@code abcdef}, {@code qwerty}).
 * Hashes name their algorithm (Argon2 for new ones, see {@code SecurityConfiguration}), so length is never cut.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    public static final String TOO_SHORT = "At least " + MIN_LENGTH + " characters";
    public static final String TOO_LONG = "At most " + MAX_LENGTH + " characters";
    public static final String HINT = MIN_LENGTH + "–" + MAX_LENGTH
            + " characters; not a common password, not the person's name or sign-in name";
    public static final String ONLY_SPACES = "A password cannot be only spaces";
    public static final String COMMON = "This is one of the most common passwords; choose one that is harder to guess";
    public static final String OWN_NAME = "A password cannot contain the user name or be made of the person's name";
    public static final String CLINIC_NAME = "A password cannot be made of the clinic's name";
    public static final String REPEATED = "A password cannot be a few characters repeated";
    public static final String SEQUENCE = "A password cannot contain a simple sequence such as 123456, abcdef or qwerty";

    private static final int SEQUENCE_LENGTH = 6;
    private static final Pattern SURROUNDING = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    private final PasswordEncoder encoder;
    private final DictionaryRule common;
    private final List<Rule> repeatsAndSequences;
    private final Set<String> clinicWords;

    public PasswordPolicy(PasswordEncoder encoder, @Value("${clinic.name:}") String clinicName) {
        this.encoder = encoder;
        this.common = new DictionaryRule(new WordListDictionary(
                new ArrayWordList(commonPasswords(), false, new ArraysSort())));
        this.repeatsAndSequences = List.of(
                new IllegalRegexRule("(?s)^(.{1,4})\\1+$"),
                new IllegalSequenceRule(EnglishSequenceData.Numerical, SEQUENCE_LENGTH, false),
                new IllegalSequenceRule(EnglishSequenceData.Alphabetical, SEQUENCE_LENGTH, false),
                new IllegalSequenceRule(EnglishSequenceData.USQwerty, SEQUENCE_LENGTH, false));
        this.clinicWords = words(clinicName);
    }

    /** What is wrong with this password for this person, as the message to show next to the field. */
    public Optional<String> problem(String password, String username, String displayName) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(TOO_LONG);
        }
        if (password.isBlank()) {
            return Optional.of(ONLY_SPACES);
        }
        String core = SURROUNDING.matcher(password).replaceAll("");
        if (!passes(common, password) || (!core.isEmpty() && !passes(common, core))) {
            return Optional.of(COMMON);
        }
        PasswordData withUsername = new PasswordData(username, password);
        Set<String> ownWords = new LinkedHashSet<>(words(username));
        ownWords.addAll(words(displayName));
        if ((username.length() >= 3 && !new UsernameRule(true, true).validate(withUsername).isValid())
                || madeOnlyOf(ownWords, password)) {
            return Optional.of(OWN_NAME);
        }
        if (madeOnlyOf(clinicWords, password)) {
            return Optional.of(CLINIC_NAME);
        }
        if (!passes(repeatsAndSequences.getFirst(), password)) {
            return Optional.of(REPEATED);
        }
        if (!repeatsAndSequences.stream().skip(1).allMatch(rule -> passes(rule, password))) {
            return Optional.of(SEQUENCE);
        }
        return Optional.empty();
    }

    /** Hashes a password that passes the policy; otherwise refuses it with the message for {@code field}. */
    public String hash(String field, String password, String username, String displayName) {
        Optional<String> problem = problem(password, username, displayName);
        if (problem.isPresent()) {
            throw new RuleViolation(field, problem.get());
        }
        return encoder.encode(password);
    }

    private static boolean passes(Rule rule, String password) {
        return rule.validate(new PasswordData(password)).isValid();
    }

    /** Whether the letters of the password are nothing but these words (in any order, any case, repeated). */
    private static boolean madeOnlyOf(Set<String> words, String password) {
        if (words.isEmpty()) {
            return false;
        }
        String alternatives = words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("^[^\\p{L}]*(?:(?:" + alternatives + ")[^\\p{L}]*)+$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(password).matches();
    }

    private static Set<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String[] commonPasswords() {
        try {
            List<String> list = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
            return list.stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().toArray(String[]::new);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The list of common passwords could not be read", unreadable);
        }
    }
}
