package org.clinic.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Bearer-token authentication of the API, stateless: the token of each call is looked up ({@link ApiTokens}) and
 * the call runs with the token's role for that request only (no session, no cookie). A call with an unusable token
 * is answered 401 at once; one over the token's rate limit 429 with Retry-After. A call without any token goes on as
 * anonymous and is refused by the authorization rules (401 through the entry point), except the documentation.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final ApiRateLimits limits;
    private final ProblemResponses problems;

    ApiTokenFilter(ApiTokens tokens, ApiRateLimits limits, ProblemResponses problems) {
        this.tokens = tokens;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiClient> client;
        try {
            client = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? tokens.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
        } catch (DataAccessException | CannotCreateTransactionException outage) {
            problems.unavailable(request, response);
            return;
        }
        if (client.isEmpty()) {
            problems.unauthorized(request, response, "The API token is unknown, revoked or expired.");
            return;
        }
        OptionalLong wait = limits.take(client.get().tokenId());
        if (wait.isPresent()) {
            problems.tooManyRequests(request, response, wait.getAsLong());
            return;
        }
        // the strategy in force now (Vaadin replaces the default at start-up), as the other filters read it
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiAuthentication(client.get()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
