package org.clinic.consultation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The coded diagnosis list shipped with the application ({@code diagnoses.tsv} next to this class). */
final class DiagnosisCodes {

    private static final List<DiagnosisCode> ALL = load();

    private DiagnosisCodes() {
    }

    static List<DiagnosisCode> all() {
        return ALL;
    }

    static boolean isKnown(String code) {
        return ALL.stream().anyMatch(c -> c.code().equals(code));
    }

    private static List<DiagnosisCode> load() {
        try (InputStream in = Objects.requireNonNull(DiagnosisCodes.class.getResourceAsStream("diagnoses.tsv"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<DiagnosisCode> codes = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                codes.add(new DiagnosisCode(parts[0].strip(), parts[1].strip()));
            }
            codes.sort(Comparator.comparing(DiagnosisCode::code));
            return List.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
