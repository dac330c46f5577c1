package org.clinic.settings;

import org.clinic.base.ClinicLogo;
import org.clinic.base.ClinicSettings;
import org.clinic.base.ClinicSettingsChanged;
import org.clinic.base.RuleViolation;
import org.clinic.base.Setting;
import org.clinic.security.CurrentStaff;
import org.clinic.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Administrators change the clinic's settings: every value is checked ({@link SettingRules}, {@link LogoRules}),
 * the changed ones are written with a history row each in one transaction, and {@link ClinicSettingsChanged} is
 * published so that every node applies them after the commit (the live update bus carries it to the others).
 */
@Service
@PreAuthorize(ClinicSettingsService.ADMIN)
public class ClinicSettingsService {

    static final String ADMIN = "hasRole('" + Role.ADMIN_NAME + "')";
    private static final int HISTORY = 200;

    private final SettingsStore store;
    private final SettingRules rules;
    private final ClinicSettings settings;
    private final CurrentStaff staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClinicSettingsService(SettingsStore store, SettingRules rules, ClinicSettings settings, CurrentStaff staff,
                          ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.settings = settings;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** Every setting with the value in force, its default and whether it was changed on screen. */
    public record Entry(Setting setting, String value, String defaultValue, boolean changed) {
    }

    @Transactional(readOnly = true)
    public Map<Setting, Entry> current() {
        Map<String, String> stored = store.read();
        Map<Setting, Entry> entries = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = stored.get(setting.property());
            entries.put(setting, new Entry(setting, value == null ? settings.defaultValue(setting) : value,
                    settings.defaultValue(setting), value != null));
        }
        return entries;
    }

    /**
     * Saves the given settings (a section of the screen, or any of them); those equal to the value in force are
     * left alone. Returns what changed, empty when nothing did.
     *
     * @throws RuleViolation naming each setting (its property) whose value is refused; nothing is saved then
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<SettingChange> save(Map<Setting, String> values) {
        List<RuleViolation.Problem> problems = rules.problems(values);
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        Map<String, String> stored = store.lockAll();
        String by = staff.usernameForAudit();
        Instant at = clock.instant();
        List<SettingChange> changes = new ArrayList<>();
        Set<String> properties = new LinkedHashSet<>();
        for (Map.Entry<Setting, String> change : new EnumMap<>(values).entrySet()) {
            Setting setting = change.getKey();
            String after = rules.normalized(setting, change.getValue() == null ? "" : change.getValue());
            String before = stored.get(setting.property());
            String inForce = before == null ? settings.defaultValue(setting) : before;
            if (rules.normalized(setting, inForce).equals(after)) {
                continue;
            }
            store.write(setting.property(), after, by, at);
            store.history(setting.property(), before, after, by, at);
            properties.add(setting.property());
            changes.add(new SettingChange(setting.label(),
                    SettingRules.display(setting, inForce) + (before == null ? " (default)" : ""),
                    SettingRules.display(setting, after), by, at));
        }
        if (!properties.isEmpty()) {
            events.publishEvent(new ClinicSettingsChanged(properties));
        }
        return changes;
    }

    /** The logo, if one was uploaded. */
    @Transactional(readOnly = true)
    public Optional<ClinicLogo> logo() {
        return store.logo();
    }

    /**
     * Replaces the logo with an uploaded image.
     *
     * @throws RuleViolation (field "logo") when it is not a PNG or JPEG, too large, or not an image at all
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public SettingChange uploadLogo(byte[] image) {
        ClinicLogo logo = LogoRules.check(image);
        Optional<ClinicLogo> before = store.logo(true).map(row -> LogoRules.read(row.image()));
        String by = staff.usernameForAudit();
        Instant at = clock.instant();
        store.writeLogo(logo.contentType(), logo.image(), by, at);
        String was = before.map(ClinicLogo::description).orElse(null);
        String now = logo.description();
        if (now.equals(was)) {
            now = now + " (replaced)"; // the history says a change happened even when the description is the same
        }
        store.history(SettingsStore.LOGO_KEY, was, now, by, at);
        events.publishEvent(new ClinicSettingsChanged(Set.of(SettingsStore.LOGO_KEY)));
        return new SettingChange("Logo", was, now, by, at);
    }

    /** Removes the logo; nothing happens when there is none. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Optional<SettingChange> removeLogo() {
        Optional<ClinicLogo> before = store.logo(true).map(row -> LogoRules.read(row.image()));
        if (before.isEmpty()) {
            return Optional.empty();
        }
        String by = staff.usernameForAudit();
        Instant at = clock.instant();
        store.removeLogo();
        store.history(SettingsStore.LOGO_KEY, before.get().description(), null, by, at);
        events.publishEvent(new ClinicSettingsChanged(Set.of(SettingsStore.LOGO_KEY)));
        return Optional.of(new SettingChange("Logo", before.get().description(), null, by, at));
    }

    /** The latest changes first (at most 200). */
    @Transactional(readOnly = true)
    public List<SettingChange> history() {
        return store.history(HISTORY).stream().map(row -> {
            Optional<Setting> setting = Setting.ofProperty(row.key());
            String label = setting.map(Setting::label).orElse("Logo");
            String before = row.before() == null ? null
                    : setting.map(s -> SettingRules.display(s, row.before())).orElse(row.before());
            String after = row.after() == null ? null
                    : setting.map(s -> SettingRules.display(s, row.after())).orElse(row.after());
            return new SettingChange(label, before, after, row.by(), row.at());
        }).toList();
    }
}
