package org.clinic.settings.ui;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.base.ClinicSettings;
import org.clinic.base.ClinicSettingsChanged;
import org.clinic.base.LiveUpdates;
import org.clinic.base.Setting;
import org.clinic.queue.DisplaySettings;
import org.clinic.queue.Lane;
import org.clinic.security.Role;
import org.clinic.settings.ClinicSettingsService;
import org.clinic.settings.SettingChange;
import org.clinic.settings.SettingRules;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administrators set up the clinic: its identity and logo, time zone and phone region, the queue's rules and the
 * reminder times, each section saved on its own and in force at once on every node; the history of changes below.
 */
@Route("admin/settings")
@PageTitle("Clinic settings · Clinic")
@Menu(title = "Clinic settings", order = 93, icon = "vaadin:cog")
@RolesAllowed(Role.ADMIN_NAME)
public class ClinicSettingsView extends Main implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);

    private final ClinicSettingsService service;
    private final ClinicSettings settings;
    private final LiveUpdates live;
    private final Clock clock;
    private final List<SettingsSection> sections;
    private final LogoPanel logo;
    private final Grid<SettingChange> history = new Grid<>();
    private final TextField sameDay = new TextField("Same-day reminders");
    private final TextField dayBefore = new TextField("Day-before reminders");
    private @Nullable Registration subscription;

    public ClinicSettingsView(ClinicSettingsService service, SettingRules rules, ClinicSettings settings,
                              LiveUpdates live, Clock clock) {
        this.service = service;
        this.settings = settings;
        this.live = live;
        this.clock = clock;
        addClassName("clinic-page");
        addClassName("clinic-narrow-page");
        addClassName("clinic-settings");

        logo = new LogoPanel(service, this::reloadHistory);
        SettingsSection identity = new SettingsSection("settings-identity", "Clinic identity",
                "How tickets, prescriptions, reports, messages and the waiting-room display name the clinic.",
                service, rules, this::afterSave)
                .field(Setting.NAME, text("settings-name", "Clinic name",
                        "As patients know it, e.g. Riverside Clinic"), 1)
                .field(Setting.PHONE, text("settings-phone", "Phone",
                        "The number patients call; in the clinic's region, or +country code"), 1)
                .field(Setting.ADDRESS, text("settings-address", "Address",
                        "On one line; each comma starts a new line on paper"), 2)
                .extra(logo);
        SettingsSection region = new SettingsSection("settings-region", "Time and region",
                "The clinic's own time: today's lists, check-in windows and reminder times follow it at once.",
                service, rules, this::afterSave)
                .field(Setting.TIME_ZONE, zones(), 1)
                .field(Setting.PHONE_REGION, regions(), 1)
                .field(Setting.DISPLAY_LANGUAGE, languages(), 1);
        SettingsSection queue = new SettingsSection("settings-queue", "Queue rules",
                "How the queue treats patients from their next check-in or call; open screens follow at once.",
                service, rules, this::afterSave)
                .field(Setting.PRIORITY_LANES, lanes(), 2)
                .field(Setting.SKIP_PLACES, number("settings-skip-places", "Places moved back on a skip", null,
                        "When a called patient is not there: 1 to " + SettingRules.SKIP_PLACES_MAX), 1)
                .field(Setting.EARLY_ARRIVAL, number("settings-early-arrival", "Check-in opens", "min before",
                        "Before a booked time; 0 to " + SettingRules.EARLY_ARRIVAL_MAX_MINUTES + " minutes"), 1)
                .field(Setting.LONG_WAIT, number("settings-long-wait", "Long wait after", "min",
                        "Waits longer than this are highlighted; " + SettingRules.LONG_WAIT_MIN_MINUTES + " to "
                                + SettingRules.LONG_WAIT_MAX_MINUTES + " minutes"), 1);
        SettingsSection reminders = new SettingsSection("settings-reminders", "Reminders",
                "When appointment reminders are sent, in the clinic's time zone. Six fields: second minute hour "
                        + "day month weekday; 0 0 8 * * * is 08:00 every day, - is off.",
                service, rules, this::afterSave)
                .field(Setting.SAME_DAY_REMINDERS, cron(sameDay, "settings-same-day"), 1)
                .field(Setting.DAY_BEFORE_REMINDERS, cron(dayBefore, "settings-day-before"), 1);
        sections = List.of(identity, region, queue, reminders);

        H2 historyTitle = new H2("History of changes");
        historyTitle.addClassName("clinic-settings-heading");
        history.setId("settings-history");
        history.addColumn(c -> WHEN.format(c.changedAt().atZone(settings.timeZone()))).setHeader("When")
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(SettingChange::changedBy).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(SettingChange::setting).setHeader("Setting").setFlexGrow(1);
        history.addColumn(c -> c.before() != null ? c.before() : "Logo".equals(c.setting()) ? "(none)" : "(default)")
                .setHeader("Before").setFlexGrow(1);
        history.addColumn(c -> c.after() == null ? "(none)" : c.after()).setHeader("After").setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setEmptyStateText("No changes yet: the first-start defaults are in force.");
        history.setHeight("420px"); // the latest 200 changes scroll inside
        Div historyCard = new Div(historyTitle, history);
        historyCard.addClassName("clinic-card");

        sections.forEach(this::add);
        add(historyCard);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // another administrator's change shows in the history at once (fields being typed in are left alone)
        subscription = live.subscribe(attachEvent.getUI(), ClinicSettingsChanged.class, this::reloadHistory);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    private void reload() {
        Map<Setting, ClinicSettingsService.Entry> values = service.current();
        sections.forEach(section -> section.show(values));
        logo.show(service.logo());
        showNextRuns();
        reloadHistory();
    }

    /** A section was saved (it shows its values in force itself): what depends on it follows. */
    private void afterSave() {
        showNextRuns();
        reloadHistory();
    }

    private void reloadHistory() {
        history.setItems(service.history());
    }

    private static SettingField text(String id, String label, String helper) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setHelperText(helper);
        field.setWidthFull();
        return SettingField.of(field, field::getValue, field::setValue);
    }

    private static SettingField number(String id, String label, @Nullable String unit, String helper) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setHelperText(helper);
        if (unit != null) {
            field.setSuffixComponent(new Span(unit));
        }
        return SettingField.of(field, () -> field.getValue() == null ? "" : String.valueOf(field.getValue()),
                value -> field.setValue(SettingRules.minutes(value).map(Long::intValue).orElse(null)));
    }

    private SettingField cron(TextField field, String id) {
        field.setId(id);
        field.setWidthFull();
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        field.addValueChangeListener(change -> showNextRuns());
        return SettingField.of(field, field::getValue, field::setValue);
    }

    /** Under each reminder field: when it runs next, in the clinic's zone, as typed (not yet saved). */
    private void showNextRuns() {
        for (TextField field : List.of(sameDay, dayBefore)) {
            String value = field.getValue().strip();
            if ("-".equals(value)) {
                field.setHelperText("Off");
            } else if (CronExpression.isValidExpression(value)) {
                ZonedDateTime next = CronExpression.parse(value).next(ZonedDateTime.now(settings.following(clock)));
                field.setHelperText(next == null ? "Never runs" : "Next: " + NEXT.format(next));
            } else {
                field.setHelperText("e.g. 0 0 8 * * * (08:00 every day), 0 0 18 * * * (18:00); - is off");
            }
        }
    }

    private static SettingField zones() {
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setId("settings-time-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/") || "UTC".equals(id))
                .sorted().toList());
        zone.setHelperText("Where the clinic is, e.g. Europe/London");
        zone.setWidthFull();
        return SettingField.of(zone, () -> zone.getValue() == null ? "" : zone.getValue(), zone::setValue);
    }

    private static SettingField regions() {
        ComboBox<String> region = new ComboBox<>("Phone region");
        region.setId("settings-phone-region");
        region.setItems(PhoneNumberUtil.getInstance().getSupportedRegions().stream()
                .sorted(Comparator.comparing(code -> Locale.of("", code).getDisplayCountry(Locale.UK))).toList());
        region.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(Locale.UK) + " (" + code + ")");
        region.setHelperText("Phone numbers typed without a country code are read as this country's");
        region.setWidthFull();
        return SettingField.of(region, () -> region.getValue() == null ? "" : region.getValue(), region::setValue);
    }

    private static SettingField languages() {
        ComboBox<String> language = new ComboBox<>("Display language");
        language.setId("settings-display-language");
        language.setItems(DisplaySettings.LANGUAGES);
        language.setItemLabelGenerator(tag -> Locale.forLanguageTag(tag).getDisplayName(Locale.UK));
        language.setHelperText("Displays announce calls in it from their next start, unless a display chose its own");
        language.setWidthFull();
        return SettingField.of(language, () -> language.getValue() == null ? "" : language.getValue(),
                language::setValue);
    }

    private static SettingField lanes() {
        CheckboxGroup<Lane> lanes = new CheckboxGroup<>("Priority lanes offered at check-in");
        lanes.setId("settings-lanes");
        lanes.setItems(SettingRules.PRIORITY_LANES);
        lanes.setItemLabelGenerator(Lane::label);
        lanes.setHelperText("Emergencies are always offered besides; priority patients are called in turn with "
                + "regular ones");
        return SettingField.of(lanes, () -> lanes.getValue().stream().sorted().map(Lane::name)
                        .collect(Collectors.joining(",")),
                value -> lanes.setValue(new LinkedHashSet<>(SettingRules.lanes(value))));
    }
}
