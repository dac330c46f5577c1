package org.clinic.clinical;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The shipped allergy classes ({@code clinical/allergy-classes.csv}): each class's name, the other names a doctor
 * may type for it, and its medicines, all as word lists in {@link AllergyMatcher#words} form.
 */
final class AllergyClasses {

    /** A class: its name as shown, the phrases naming it, the phrases of its medicines. */
    record AllergyClass(String name, List<List<String>> names, List<List<String>> medicines) {
    }

    static final List<AllergyClass> ALL = load("/clinical/allergy-classes.csv");

    private AllergyClasses() {
    }

    static List<AllergyClass> load(String resource) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (InputStream in = Objects.requireNonNull(AllergyClasses.class.getResourceAsStream(resource), resource);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<AllergyClass> classes = new ArrayList<>();
            for (CSVRecord row : format.parse(reader)) {
                String name = row.get("class");
                List<List<String>> names = new ArrayList<>(phrases(row.get("also called")));
                names.add(AllergyMatcher.words(name));
                classes.add(new AllergyClass(name, List.copyOf(names), phrases(row.get("medicines"))));
            }
            return List.copyOf(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> phrases(String list) {
        return Arrays.stream(list.split("\\|")).map(AllergyMatcher::words).filter(w -> !w.isEmpty()).toList();
    }
}
