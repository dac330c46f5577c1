package org.clinic.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The clinic's clock, in the clinic's zone of the moment; tests replace it with a fixed one. */
    @Bean
    Clock clock(ClinicSettings settings) {
        return settings.following(Clock.systemUTC());
    }
}
