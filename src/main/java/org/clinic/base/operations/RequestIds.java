package org.clinic.base.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id, put in the logging context ({@value #MDC_KEY}, a field of each JSON log line in
 * production) and in the {@value #HEADER} response header, so one request's lines can be found together and a
 * person can quote it. A well-formed id sent by a proxy or a partner in the same header is kept, so one id follows a
 * request across systems; anything else (too long, odd characters that could forge log lines) is replaced.
 * <p>
 * Vaadin's UIDL requests and long-polling push are plain requests and get theirs here; messages over an open push
 * WebSocket and live updates run on other threads without one. A failure that reaches this filter is logged here,
 * with the id and redacted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring Security, so its lines carry the id too
public class RequestIds extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestIds.class);

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request.getHeader(HEADER));
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            failed(request, response, id, failure);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /**
     * A failure no handler took care of: logged here, under the request's id and without its messages (a database
     * error's text can carry a patient's phone or e-mail), and answered with a plain 500 that quotes the id. Left to
     * the servlet container, it would be logged outside this filter (no id) with its full text.
     */
    private static void failed(HttpServletRequest request, HttpServletResponse response, String id, Exception failure)
            throws IOException {
        log.error("Request failed: {} {}", request.getMethod(), request.getRequestURI(), Redacted.of(failure));
        if (!response.isCommitted()) {
            response.reset();
            response.setHeader(HEADER, id);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Something went wrong and nothing was saved. Reference: " + id + "\n");
        }
    }

    /** The caller's id when it is well-formed, a new one otherwise. */
    static String idOf(@Nullable String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** An async dispatch (long-polling push resuming) logs under the same id as the request it continues. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
