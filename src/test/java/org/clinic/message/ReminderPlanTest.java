package org.clinic.message;

import org.clinic.base.ClinicSettings;
import org.clinic.base.Setting;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.clinic.settings.ClinicSettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminder times changed on the settings screen are planned again at once, in the clinic's zone of the moment. */
@SpringBootTest
class ReminderPlanTest {

    @Autowired
    ReminderJob job;
    @Autowired
    ClinicSettingsService settingsService;
    @Autowired
    ClinicSettings settings;


    @AfterEach
    void put_back() {
        SystemAuthentication.runAs(Role.ADMIN, () -> settingsService.save(Map.of(
                Setting.SAME_DAY_REMINDERS, settings.defaultValue(Setting.SAME_DAY_REMINDERS),
                Setting.DAY_BEFORE_REMINDERS, settings.defaultValue(Setting.DAY_BEFORE_REMINDERS),
                Setting.TIME_ZONE, settings.defaultValue(Setting.TIME_ZONE))));
    }

    @Test
    void new_reminder_times_and_zone_are_planned_without_a_restart() {
        SystemAuthentication.runAs(Role.ADMIN, () -> settingsService.save(Map.of(
                Setting.SAME_DAY_REMINDERS, "0 30 7 * * *", Setting.DAY_BEFORE_REMINDERS, "0 0 18 * * *",
                Setting.TIME_ZONE, "Asia/Tokyo")));

        assertThat(job.next(Setting.SAME_DAY_REMINDERS)).get().satisfies(next -> {
            assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
            assertThat(next.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        });
        assertThat(job.next(Setting.DAY_BEFORE_REMINDERS)).get()
                .satisfies(next -> assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(18, 0)));

        SystemAuthentication.runAs(Role.ADMIN, () -> settingsService.save(Map.of(
                Setting.DAY_BEFORE_REMINDERS, "-")));

        assertThat(job.next(Setting.DAY_BEFORE_REMINDERS)).isEmpty();
    }
}
