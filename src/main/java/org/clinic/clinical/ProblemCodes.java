package org.clinic.clinical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The clinic's coded diagnosis list (ICD-10, {@code diagnoses.tsv} next to this class). It lives here, below
 * consultations, because two modules code conditions with it: a consultation's diagnosis and the problem list, whose
 * service must check a code itself (a problem is also added from the record, without a consultation).
 */
public final class ProblemCodes {

    private static final List<ProblemCode> ALL = load();
    private static final Map<String, ProblemCode> BY_CODE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(ProblemCode::code, Function.identity()));

    private ProblemCodes() {
    }

    /** The whole list, by code. */
    public static List<ProblemCode> all() {
        return ALL;
    }

    public static Optional<ProblemCode> find(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static boolean isKnown(String code) {
        return BY_CODE.containsKey(code);
    }

    private static List<ProblemCode> load() {
        try (InputStream in = Objects.requireNonNull(ProblemCodes.class.getResourceAsStream("diagnoses.tsv"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<ProblemCode> codes = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                codes.add(new ProblemCode(parts[0].strip(), parts[1].strip()));
            }
            codes.sort(Comparator.comparing(ProblemCode::code));
            return List.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
