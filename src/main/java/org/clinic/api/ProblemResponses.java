package org.clinic.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/**
 * Problem documents (RFC 9457) written before a request reaches a controller: by the token filter, the body limit,
 * the rate limit and Spring Security's entry point and access-denied handler. Controllers' errors go through
 * {@link ApiProblems}; both use the same types from {@link ProblemTypes}.
 */
@Component
class ProblemResponses {

    static final String BEARER_CHALLENGE = "Bearer realm=\"clinic-api\"";

    private final JsonMapper json = JsonMapper.builder().build();

    /** 401: no token, or one that is unknown, revoked or expired (the answer does not say which). */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        unauthorized(request, response, request.getHeader("Authorization") == null
                ? "Send your API token in the Authorization header: Bearer <token>."
                : "The API token is unknown, revoked or expired.");
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", request.getHeader("Authorization") == null ? BEARER_CHALLENGE
                : BEARER_CHALLENGE + ", error=\"invalid_token\"");
        write(request, response, ProblemTypes.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail));
    }

    /** 403: the token's role may not do this. */
    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException cause)
            throws IOException {
        write(request, response, ProblemTypes.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "This token's role may not do this."));
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "Too many calls with this token; try again in " + retryAfterSeconds + " s.");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        write(request, response, problem);
    }

    void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // the rest of the body is not read: the connection is closed after this answer
        response.setHeader("Connection", "close");
        write(request, response, ProblemTypes.tooLarge(limit));
    }

    /** 503: the token could not be looked up (the database is away); nothing was done. */
    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        write(request, response, ProblemTypes.unavailable());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ProblemTypes.asMap(problem));
    }
}
