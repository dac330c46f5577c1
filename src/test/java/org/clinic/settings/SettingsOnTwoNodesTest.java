package org.clinic.settings;

import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.ClinicSettings;
import org.clinic.base.Setting;
import org.clinic.base.TestLogos;
import org.clinic.base.cluster.LiveBus;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.clinic.testing.RedisServer;
import org.clinic.testing.SecondNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes sharing one MariaDB and a real Redis: settings and the logo saved on node A (this test's context) are in
 * force on node B without a restart, carried by the live update bus.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // this context talks to this test's Redis only
class SettingsOnTwoNodesTest {

    private static RedisServer redis;

    @BeforeAll
    static void start_redis() {
        redis = RedisServer.startOrSkip();
    }

    @AfterAll
    static void stop_redis() {
        if (redis != null) {
            redis.close();
        }
    }

    @DynamicPropertySource
    static void node_a_joins_the_cluster(DynamicPropertyRegistry registry) {
        registry.add("clinic.cluster.redis-url", () -> redis.url());
        registry.add("clinic.cluster.node-id", () -> "settings-a");
    }

    @Autowired
    ClinicSettingsService settings;
    @Autowired
    LiveBus busA;

    @Test
    void a_setting_saved_on_one_node_is_in_force_on_the_other_at_once() throws InterruptedException {
        Map<Setting, String> before = new EnumMap<>(Setting.class);
        SystemAuthentication.runAs(Role.ADMIN, () -> settings.current())
                .forEach((setting, entry) -> before.put(setting, entry.value()));
        try (SecondNode b = SecondNode.start(Map.of("clinic.cluster.redis-url", redis.url(),
                "clinic.cluster.node-id", "settings-b"))) {
            LiveBus busB = b.bean(LiveBus.class);
            await(Duration.ofSeconds(15), () -> busA.state() == LiveBus.State.UP && busB.state() == LiveBus.State.UP);
            ClinicIdentitySource identityB = b.bean(ClinicIdentitySource.class);
            ClinicSettings settingsB = b.bean(ClinicSettings.class);

            SystemAuthentication.runAs(Role.ADMIN, () -> settings.save(Map.of(
                    Setting.NAME, "Two Rivers Clinic", Setting.LONG_WAIT, "40", Setting.TIME_ZONE, "Asia/Tokyo")));

            await(Duration.ofSeconds(5), () -> identityB.current().name().equals("Two Rivers Clinic"));
            assertThat(settingsB.duration(Setting.LONG_WAIT)).isEqualTo(Duration.ofMinutes(40));
            assertThat(settingsB.timeZone().getId()).isEqualTo("Asia/Tokyo");

            // the logo too: node B's next printout carries it, and drops it once removed
            byte[] logo = TestLogos.png(240, 80);
            SystemAuthentication.runAs(Role.ADMIN, () -> settings.uploadLogo(logo));
            await(Duration.ofSeconds(5), () -> identityB.current().logo() != null);
            assertThat(identityB.current().logo().image()).isEqualTo(logo);
            SystemAuthentication.runAs(Role.ADMIN, () -> settings.removeLogo());
            await(Duration.ofSeconds(5), () -> identityB.current().logo() == null);
        } finally {
            SystemAuthentication.runAs(Role.ADMIN, () -> {
                settings.save(before);
                return settings.removeLogo();
            });
        }
    }

    private static void await(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", atMost).isLessThan(until);
            Thread.sleep(50);
        }
    }
}
