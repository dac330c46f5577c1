package org.clinic.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.time.Duration;

/**
 * The response headers every page carries. The Content-Security-Policy is as strict as Vaadin 25 runs under: its
 * bootstrap page starts the client engine with an inline script and the engine builds functions from the
 * JavaScript the server sends ({@code executeJs}, event data), so scripts need {@code 'unsafe-inline'} and
 * {@code 'unsafe-eval'} and styles {@code 'unsafe-inline'}; everything else comes from this origin only, nothing
 * may embed the app, and no plugin, foreign form target or base URL is allowed. The browser journeys count
 * violations of it (none expected).
 *
 * <p>HSTS is sent on HTTPS requests only, which in production means behind the TLS proxy
 * ({@code server.forward-headers-strategy=native}); a plain-HTTP development run never pins the browser to HTTPS.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'", // push WebSocket and the UIDL requests, same origin
            "media-src 'self' data: blob:",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** No camera, microphone, location or payment; the waiting-room display keeps its screen awake and plays sound. */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "serial=()", "bluetooth=()",
            "display-capture=()", "fullscreen=(self)", "screen-wake-lock=(self)", "autoplay=(self)");

    private static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    private SecurityHeaders() {
    }

    static void apply(HeadersConfigurer<HttpSecurity> headers) {
        // Written before the request goes on, not when the response is committed: a response committed on a path
        // that does not pass through Spring's response wrapper (a development-mode first load did) still has them.
        headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                        .maxAgeInSeconds(HSTS_MAX_AGE.toSeconds()));
    }
}
