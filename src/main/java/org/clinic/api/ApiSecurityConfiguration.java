package org.clinic.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The API's own security, before the screens' chain (which never sees {@code /api/**}): stateless, no session and
 * no cookie, hence no CSRF token either; bearer tokens ({@link ApiTokenFilter}); 401 with WWW-Authenticate and 403
 * as problem documents. The services' {@code @PreAuthorize} rules decide what each role may do, exactly as for
 * people. The documentation (the OpenAPI document and Swagger UI) is open to anyone: it holds no data, and a partner
 * developer reads it before they have a token.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String[] DOCUMENTATION = {"/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**",
            "/api/openapi.yaml", "/api/swagger-ui/**"};

    /** JSON answers load nothing and may be framed by nothing. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /**
     * Swagger UI's page: its scripts and styles from here (its inline styles included), its icons as data: images,
     * and calls to this origin only (the "Try it out" requests). No inline script and no eval, unlike the screens.
     */
    static final String DOCUMENTATION_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
            "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'",
            "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

    @Bean
    @Order(-10)
    SecurityFilterChain apiDocumentationChain(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(DOCUMENTATION))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> secure(headers, DOCUMENTATION_POLICY))
                .build();
    }

    @Bean
    @Order(-9)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ApiRateLimits limits, ProblemResponses problems,
                                 ApiSettings settings) throws Exception {
        return stateless(http.securityMatcher("/api/**"))
                .addFilterBefore(new ApiTokenFilter(tokens, limits, problems), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BodyLimitFilter(settings.maxBody().toBytes(), problems), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .headers(headers -> secure(headers, API_POLICY))
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable) // no cookies are read: nothing for a forged request to ride on
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .rememberMe(AbstractHttpConfigurer::disable);
    }

    private static void secure(HeadersConfigurer<HttpSecurity> headers, String policy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
