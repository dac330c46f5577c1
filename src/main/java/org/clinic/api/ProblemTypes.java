package org.clinic.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of problem the API answers with, each a stable {@code type} URI a client can switch on, and the
 * documented shape of a problem document ({@code type, title, status, detail, instance}, plus {@code errors} for
 * a rule violation and {@code nextFreeSlots} for a taken slot).
 */
final class ProblemTypes {

    static final String BASE = "https://clinic.example/problems/";
    static final URI MALFORMED = URI.create(BASE + "malformed-request");
    static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    static final URI NOT_FOUND = URI.create(BASE + "not-found");
    static final URI CONFLICT = URI.create(BASE + "conflict");
    static final URI TOO_LARGE = URI.create(BASE + "body-too-large");
    static final URI RULE_VIOLATED = URI.create(BASE + "rule-violated");
    static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");
    static final URI UNAVAILABLE = URI.create(BASE + "temporarily-unavailable");

    private ProblemTypes() {
    }

    static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    static ProblemDetail tooLarge(long limit) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE,
                "The request body is larger than " + (limit / 1024) + " KB.");
    }

    static ProblemDetail unavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
                "The clinic's database is not reachable; try again shortly");
    }

    /** The problem as plain JSON members, for writers outside Spring MVC's message converters. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            map.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
