package org.clinic.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import org.clinic.security.signin.PortalSignIn;
import org.clinic.security.signin.SignInOrigin;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.clinic.security.ui.LoginView;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

/**
 * Every view states who may open it ({@code @RolesAllowed}, {@code @PermitAll}, {@code @AnonymousAllowed}); every
 * service method states who may call it ({@code @PreAuthorize}). Anything unannotated is closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity // services use @PreAuthorize; views keep @RolesAllowed for Vaadin only (no proxies around views)
// Push callbacks and live updates run on other threads: the security context follows the Vaadin session there.
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /** Only ties this server's remember-me authentications to their provider: the tokens themselves are in MariaDB. */
    private static final String REMEMBER_ME_KEY = UUID.randomUUID().toString();

    /** The portal's sign-in page and where its form posts (a patient's email address and password). */
    static final String PORTAL_SIGN_IN = "/portal";
    static final String PORTAL_SIGN_IN_POST = "/portal/login";
    static final String PORTAL_HOME = "/portal/home";

    /**
     * The patient portal's sign-in post, apart from staff sign-in: its own URL, its own accounts
     * ({@link PortalSignIn}), the same throttling, CSRF token, headers and authentication log. The session it signs
     * into is the same kind as staff's (same cookie rules); the main chain below then serves the portal's screens.
     */
    @Bean
    @Order(1)
    SecurityFilterChain portalSignInChain(HttpSecurity http, PortalSignIn portal) throws Exception {
        var post = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PORTAL_SIGN_IN_POST);
        SimpleUrlAuthenticationSuccessHandler toHome = new SimpleUrlAuthenticationSuccessHandler(PORTAL_HOME);
        toHome.setAlwaysUseDefaultTargetUrl(true);
        return http
                .securityMatcher(post)
                .authenticationManager(portal.manager())
                .formLogin(form -> form.loginPage(PORTAL_SIGN_IN).loginProcessingUrl(PORTAL_SIGN_IN_POST)
                        .authenticationDetailsSource(SignInOrigin::of)
                        .successHandler(toHome)
                        .failureUrl(PORTAL_SIGN_IN + "?error"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) ->
                        response.sendRedirect(request.getContextPath() + PORTAL_SIGN_IN + "?expired")))
                .headers(SecurityHeaders::apply)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, DisplayDeviceRememberMe displayDevices,
                                           RequestUtil vaadinRequests) throws Exception {
        return http
                // Vaadin would exempt the sign-in post from CSRF protection; its page already carries the token
                // (meta tags) and the login form posts it, so only Vaadin's own requests are exempt here.
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false)
                        .logoutSuccessHandler(signedOut()))
                // Vaadin's own requests carry Vaadin's own CSRF token; every other post, sign-in included, Spring's.
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
                // A sign-in page left open past its session has a stale token: show it afresh, not an error page.
                // A portal screen asks a patient who is not signed in to sign in at the portal, not at staff sign-in.
                .exceptionHandling(errors -> errors.defaultAccessDeniedHandlerFor((request, response, denied) ->
                                response.sendRedirect(request.getContextPath() + "/login?expired"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(PORTAL_SIGN_IN),
                                PathPatternRequestMatcher.withDefaults().matcher("/portal/**")))
                // The address and browser of each sign-in go with it, for the authentication log.
                .formLogin(form -> form.authenticationDetailsSource(SignInOrigin::of))
                .authorizeHttpRequests(requests -> requests
                        // (the actuator has its own chain: OperationsSecurity)
                        .requestMatchers("/styles/**", "/scripts/**", "/images/**").permitAll())
                // Waiting-room displays stay signed in across restarts; people never are remembered.
                .rememberMe(rememberMe -> rememberMe.rememberMeServices(displayDevices).key(REMEMBER_ME_KEY))
                .headers(SecurityHeaders::apply)
                .build();
    }

    /** Staff go to the start address (then their sign-in page) when they sign out, patients to the portal's. */
    private static LogoutSuccessHandler signedOut() {
        UidlRedirectStrategy redirect = new UidlRedirectStrategy();
        return (request, response, authentication) -> redirect.sendRedirect(request, response,
                authentication != null && authentication.getPrincipal() instanceof PatientPrincipal
                        ? PORTAL_SIGN_IN + "?signed-out" : "/");
    }

    /** Refused method calls are published as events: the portal logs every refusal of a signed-in patient. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /** Vaadin's view annotations, and the portal's boundary: a patient opens portal screens only. */
    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer() {
        return new NavigationAccessControlConfigurer()
                .withAnnotatedViewAccessChecker()
                .withNavigationAccessChecker(new PortalBoundary());
    }

    @Bean
    DisplayDeviceRememberMe displayDeviceRememberMe(StaffUserDetailsService users, DataSource dataSource) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        tokens.afterPropertiesSet();
        DisplayDeviceRememberMe rememberMe = new DisplayDeviceRememberMe(REMEMBER_ME_KEY, users, tokens);
        rememberMe.setAuthenticationDetailsSource(SignInOrigin::of);
        return rememberMe;
    }

    /**
     * New hashes are Argon2 (no 72-byte input limit, unlike bcrypt); bcrypt hashes made earlier still verify and
     * are re-hashed with Argon2 at the person's next sign-in (StaffUserDetailsService.updatePassword).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
