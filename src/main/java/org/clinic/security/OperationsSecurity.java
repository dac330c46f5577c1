package org.clinic.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Who sees what of the actuator (ADR 0015). Health status is public: load balancers and orchestrators ask it
 * without credentials, and it says only UP or DOWN. Everything else exposed (health details, info, metrics, the
 * Prometheus scrape) is for
 * <ul>
 * <li>anyone reaching the separate management port, when one is configured ({@code MANAGEMENT_SERVER_PORT}): that
 * port is meant to be reachable from the operators' network only, so Prometheus scrapes it without credentials;</li>
 * <li>on the main port, a signed-in administrator (their session), or the dedicated metrics account over HTTP Basic
 * ({@code CLINIC_METRICS_USERNAME}, default {@code metrics}, and {@code CLINIC_METRICS_PASSWORD}; no password, no
 * account). Staff passwords are never accepted over Basic: they go through the throttled sign-in form only.</li>
 * </ul>
 * Nothing else under /actuator answers. No session is ever made here.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    /** The metrics account's role; health details are shown to it and to administrators. */
    static final String METRICS_ROLE = "METRICS";

    @Bean
    @Order(0)
    SecurityFilterChain operationsChain(HttpSecurity http, PasswordEncoder passwords,
                                        @Value("${clinic.operations.metrics-username:metrics}") String username,
                                        @Value("${clinic.operations.metrics-password:}") String password)
            throws Exception {
        return http
                // on the management port, everything (its error dispatches too), so the screens' chain never
                // answers there with its sign-in page
                .securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
                        OperationsSecurity::onManagementPort))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(new AndRequestMatcher(OperationsSecurity::onManagementPort,
                                EndpointRequest.toAnyEndpoint())).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAnyRole(Role.ADMIN_NAME, METRICS_ROLE)
                        .anyRequest().denyAll())
                .authenticationManager(metricsAccount(passwords, username, password))
                .httpBasic(basic -> basic.authenticationEntryPoint(OperationsSecurity::askForCredentials))
                // the status only: a sendError would be dispatched to /error, which the screens' chain answers
                // with a redirect to the sign-in page
                .exceptionHandling(errors -> errors.authenticationEntryPoint(OperationsSecurity::askForCredentials)
                        .accessDeniedHandler((request, response, denied) ->
                                response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders::apply)
                .build();
    }

    private static void askForCredentials(HttpServletRequest request, HttpServletResponse response,
                                          AuthenticationException refused) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Clinic operations\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** The one account HTTP Basic knows here; none when no password is configured. */
    private static AuthenticationManager metricsAccount(PasswordEncoder passwords, String username, String password) {
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager();
        if (StringUtils.hasText(password)) {
            // an encoded password ({argon2}..., {bcrypt}...) is taken as it is; a plain one is hashed now
            String hash = password.startsWith("{") ? password : passwords.encode(password);
            accounts.createUser(User.withUsername(username).password(hash).roles(METRICS_ROLE).build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        return new ProviderManager(provider);
    }

    /** The request came in on the separate management server (its own port), not on the clinic's. */
    static boolean onManagementPort(HttpServletRequest request) {
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
    }
}
