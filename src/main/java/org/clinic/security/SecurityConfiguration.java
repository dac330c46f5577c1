package org.clinic.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.clinic.security.ui.LoginView;
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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, DisplayDeviceRememberMe displayDevices) throws Exception {
        return http
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/styles/**", "/scripts/**", "/images/**").permitAll())
                // Waiting-room displays stay signed in across restarts; people never are remembered.
                .rememberMe(rememberMe -> rememberMe.rememberMeServices(displayDevices).key(REMEMBER_ME_KEY))
                .build();
    }

    @Bean
    DisplayDeviceRememberMe displayDeviceRememberMe(StaffUserDetailsService users, DataSource dataSource) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        tokens.afterPropertiesSet();
        return new DisplayDeviceRememberMe(REMEMBER_ME_KEY, users, tokens);
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
