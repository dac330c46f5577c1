package org.clinic.base;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Business rules refused a request; nothing was changed. Each problem names the input it belongs to (a command
 * record's component), so a form can show the message next to that field; a null field means the request as a
 * whole.
 */
public class RuleViolation extends RuntimeException {

    public record Problem(@Nullable String field, String message) {
    }

    private final List<Problem> problems;

    public RuleViolation(@Nullable String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public RuleViolation(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's field, or null when it concerns the whole request. */
    public @Nullable String field() {
        return problems.isEmpty() ? null : problems.getFirst().field();
    }
}
