package org.clinic.statistics;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Turns on Spring's cache annotations; the dashboard's caches are in {@link StatisticsCaches}. */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class StatisticsConfiguration {
}
