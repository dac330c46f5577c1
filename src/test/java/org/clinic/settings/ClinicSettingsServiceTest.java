package org.clinic.settings;

import org.clinic.base.ClinicIdentitySource;
import org.clinic.base.ClinicLogo;
import org.clinic.base.ClinicSettings;
import org.clinic.base.PhoneNumbers;
import org.clinic.base.RuleViolation;
import org.clinic.base.Setting;
import org.clinic.patient.PatientRules;
import org.clinic.queue.Lane;
import org.clinic.queue.QueueService;
import org.clinic.security.Role;
import org.clinic.security.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings saved by an administrator are checked, written with their history, and in force at once. Every test puts
 * back what it changed: the settings are the whole clinic's, shared by every test of the JVM.
 */
@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class ClinicSettingsServiceTest {

    @Autowired
    ClinicSettingsService service;
    @Autowired
    ClinicSettings settings;
    @Autowired
    ClinicIdentitySource identity;
    @Autowired
    QueueService queue;
    @Autowired
    PatientRules patientRules;
    @Autowired
    PhoneNumbers phones;
    @Autowired
    JdbcClient sql;

    private final Map<Setting, String> before = new EnumMap<>(Setting.class);

    @BeforeEach
    void remember() {
        SystemAuthentication.runAs(Role.ADMIN, () -> service.current())
                .forEach((setting, entry) -> before.put(setting, entry.value()));
    }

    @AfterEach
    void put_back() {
        SystemAuthentication.runAs(Role.ADMIN, () -> {
            service.save(before);
            return service.removeLogo();
        });
    }

    @Test
    void each_setting_refuses_a_bad_value_beside_its_name_and_nothing_is_written() {
        Map<Setting, String> bad = new EnumMap<>(Setting.class);
        bad.put(Setting.NAME, " ");
        bad.put(Setting.ADDRESS, "x".repeat(SettingRules.ADDRESS_MAX + 1));
        bad.put(Setting.PHONE, "call me");
        bad.put(Setting.TIME_ZONE, "Mars/Olympus_Mons");
        bad.put(Setting.PHONE_REGION, "XX");
        bad.put(Setting.DISPLAY_LANGUAGE, "tlh");
        bad.put(Setting.PRIORITY_LANES, "SENIOR,VIP");
        bad.put(Setting.SKIP_PLACES, "0");
        bad.put(Setting.EARLY_ARRIVAL, "900");
        bad.put(Setting.LONG_WAIT, "2");
        bad.put(Setting.SAME_DAY_REMINDERS, "every morning");
        bad.put(Setting.DAY_BEFORE_REMINDERS, "0 0 25 * * *");
        long changes = historyRows();

        assertThatThrownBy(() -> service.save(bad))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.problems())
                        .extracting(RuleViolation.Problem::field)
                        .containsExactlyInAnyOrderElementsOf(bad.keySet().stream().map(Setting::property).toList()));

        assertThat(historyRows()).isEqualTo(changes);
        service.current().forEach((setting, entry) -> assertThat(entry.value()).isEqualTo(before.get(setting)));
        // one good value beside a bad one is not saved either
        assertThatThrownBy(() -> service.save(Map.of(Setting.NAME, "Half Written Clinic", Setting.SKIP_PLACES, "99")))
                .isInstanceOf(RuleViolation.class);
        assertThat(identity.current().name()).isEqualTo(before.get(Setting.NAME));
    }

    @Test
    void a_change_is_written_with_who_when_before_and_after_and_an_unchanged_value_writes_nothing() {
        List<SettingChange> changes = service.save(Map.of(Setting.NAME, "Hillside Clinic", Setting.LONG_WAIT, "45"));

        assertThat(changes).extracting(SettingChange::setting).containsExactlyInAnyOrder("Clinic name", "Long wait after");
        assertThat(sql.sql("""
                        SELECT value_after FROM clinic_setting_change
                        WHERE setting_key = 'clinic.queue.long-wait' AND changed_by = 'boss' ORDER BY id DESC LIMIT 1""")
                .query(String.class).single()).isEqualTo("45m");
        assertThat(service.history().getFirst().changedBy()).isEqualTo("boss");
        assertThat(service.history()).extracting(SettingChange::after).contains("Hillside Clinic", "45 min");

        long rows = historyRows();
        assertThat(service.save(Map.of(Setting.NAME, " Hillside Clinic ", Setting.LONG_WAIT, "45m"))).isEmpty();
        assertThat(historyRows()).isEqualTo(rows);
    }

    @Test
    void the_clinics_name_address_and_phone_apply_to_the_next_printout_without_a_restart() {
        service.save(Map.of(Setting.NAME, "Hillside Clinic", Setting.ADDRESS, "1 Hill Road, Leeds LS1 1AA",
                Setting.PHONE, "0113 496 0000"));

        assertThat(identity.current().name()).isEqualTo("Hillside Clinic");
        assertThat(identity.current().addressLines()).containsExactly("1 Hill Road", "Leeds LS1 1AA");
        assertThat(identity.current().phone()).isEqualTo("0113 496 0000");
    }

    @Test
    void queue_rules_apply_to_the_queue_at_once() {
        service.save(Map.of(Setting.LONG_WAIT, "45", Setting.SKIP_PLACES, "5", Setting.EARLY_ARRIVAL, "30",
                Setting.PRIORITY_LANES, "CHILD,SENIOR"));

        assertThat(queue.settings().longWait()).isEqualTo(Duration.ofMinutes(45));
        assertThat(queue.settings().skipPlaces()).isEqualTo(5);
        assertThat(queue.settings().earlyArrival()).isEqualTo(Duration.ofMinutes(30));
        assertThat(queue.settings().lanes()).containsExactly(Lane.SENIOR, Lane.CHILD);
    }

    @Test
    void a_new_time_zone_moves_the_clinic_local_date_at_once() {
        // 25 hours apart: at any moment their dates differ
        service.save(Map.of(Setting.TIME_ZONE, "Pacific/Kiritimati"));
        LocalDate east = patientRules.today();
        assertThat(east).isEqualTo(LocalDate.now(ZoneId.of("Pacific/Kiritimati")));

        service.save(Map.of(Setting.TIME_ZONE, "Pacific/Pago_Pago"));

        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Pacific/Pago_Pago"));
        assertThat(patientRules.today()).isBefore(east).isEqualTo(LocalDate.now(ZoneId.of("Pacific/Pago_Pago")));
    }

    @Test
    void a_new_phone_region_reads_numbers_typed_without_a_country_code_as_that_countrys() {
        service.save(Map.of(Setting.PHONE_REGION, "fr"));

        assertThat(settings.phoneRegion()).isEqualTo("FR");
        assertThat(phones.toE164("01 42 68 53 00")).contains("+33142685300");
    }

    @Test
    void a_png_logo_is_stored_with_its_history_and_other_files_are_refused() throws IOException {
        service.uploadLogo(png(120, 40));
        ClinicLogo logo = service.logo().orElseThrow();

        assertThat(logo.contentType()).isEqualTo("image/png");
        assertThat(logo.width()).isEqualTo(120);
        assertThat(service.history().getFirst()).satisfies(change -> {
            assertThat(change.setting()).isEqualTo("Logo");
            assertThat(change.after()).startsWith("PNG");
        });
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> service.uploadLogo(svg)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.field()).isEqualTo("logo"));
        assertThatThrownBy(() -> service.uploadLogo(new byte[ClinicLogo.MAX_BYTES + 1]))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("at most");
        byte[] fakePng = png(10, 10);
        fakePng[20] ^= 0x7f; // header damaged: claims PNG, reads as nothing
        assertThatThrownBy(() -> service.uploadLogo(java.util.Arrays.copyOf(fakePng, 30)))
                .isInstanceOf(RuleViolation.class);
        assertThat(service.logo()).get().extracting(ClinicLogo::width).isEqualTo(120);
    }

    @Test
    void an_uploaded_logo_is_on_the_next_printout_and_a_removed_one_is_gone_from_it() throws IOException {
        byte[] first = png(120, 40);

        service.uploadLogo(first);
        assertThat(identity.current().logo()).isEqualTo(new ClinicLogo("image/png", first, 120, 40))
                .extracting(ClinicLogo::width, ClinicLogo::height).containsExactly(120, 40);
        byte[] second = png(90, 90);
        service.uploadLogo(second);
        assertThat(identity.current().logo()).isEqualTo(new ClinicLogo("image/png", second, 90, 90));
        assertThat(identity.current().name()).isEqualTo(settings.value(Setting.NAME));

        service.removeLogo();
        assertThat(identity.current().logo()).isNull();
    }

    @Test
    @WithMockUser(username = "grace", roles = "RECEPTIONIST")
    void only_administrators_see_or_change_settings() {
        assertThatThrownBy(() -> service.save(Map.of(Setting.NAME, "Grace's Clinic")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.current()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.history()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.uploadLogo(new byte[]{1})).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.removeLogo()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_database_refuses_unknown_keys_bad_numbers_and_any_edit_of_the_history() {
        assertThatThrownBy(() -> sql.sql("""
                INSERT INTO clinic_setting (setting_key, setting_value, updated_by, updated_at)
                VALUES ('clinic.colour', 'blue', 'boss', NOW(6))""").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> sql.sql("""
                INSERT INTO clinic_setting (setting_key, setting_value, updated_by, updated_at)
                VALUES ('clinic.queue.skip-places', 'many', 'boss', NOW(6))""").update())
                .isInstanceOf(DataAccessException.class);
        service.save(Map.of(Setting.NAME, "Audited Clinic"));
        assertThatThrownBy(() -> sql.sql("UPDATE clinic_setting_change SET changed_by = 'nobody'").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> sql.sql("DELETE FROM clinic_setting_change").update())
                .isInstanceOf(DataAccessException.class);
    }

    private long historyRows() {
        return sql.sql("SELECT COUNT(*) FROM clinic_setting_change").query(Long.class).single();
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2266aa);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
