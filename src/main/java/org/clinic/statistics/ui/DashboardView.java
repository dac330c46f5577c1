package org.clinic.statistics.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.clinic.appointment.AppointmentsChanged;
import org.clinic.base.LiveUpdates;
import org.clinic.consultation.ConsultationChanged;
import org.clinic.queue.QueueChanged;
import org.clinic.security.Role;
import org.clinic.statistics.DashboardService;
import org.clinic.statistics.DoctorToday;
import org.clinic.statistics.History;
import org.clinic.statistics.SpecialtyHistory;
import org.clinic.statistics.Today;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The administrator's home screen: today's figures, clinic-wide and per doctor, changing the moment reception
 * checks someone in or a doctor calls (pushed, after commit); and the last thirty days as charts drawn on the server.
 */
@Route("dashboard")
@PageTitle("Dashboard · Clinic")
@Menu(title = "Dashboard", order = 1, icon = "vaadin:dashboard")
@RolesAllowed(Role.ADMIN_NAME)
@StyleSheet("styles/statistics.css")
public class DashboardView extends Main {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DashboardService dashboard;
    private final LiveUpdates liveUpdates;
    private final Span date = new Span();
    private final Span updated = new Span();
    private final Map<String, Span> figures = new LinkedHashMap<>();
    private final Grid<DoctorToday> doctors = new Grid<>();
    private final Map<String, Function<DoctorToday, String>> columns = new LinkedHashMap<>();
    private final FooterRow totals;
    private final Span period = new Span();
    private final Div charts = new Div();
    private final List<Registration> registrations = new ArrayList<>();
    private @Nullable LocalDate historyTo;
    private int chartWidth = DashboardCharts.DEFAULT_WIDTH;

    public DashboardView(DashboardService dashboard, LiveUpdates liveUpdates) {
        this.dashboard = dashboard;
        this.liveUpdates = liveUpdates;
        addClassNames("clinic-page", "clinic-dashboard");

        date.addClassName("clinic-dashboard-date");
        updated.addClassName("clinic-dashboard-updated");
        updated.setId("dashboard-updated");
        Div header = new Div(date, updated);
        header.addClassName("clinic-dashboard-header");

        Div tiles = new Div();
        tiles.addClassName("clinic-figures");
        for (String label : List.of("Booked", "Checked in", "Waiting now", "In consultation", "Seen", "No-shows",
                "Average wait", "Longest wait")) {
            Span value = new Span();
            value.addClassName("clinic-figure-value");
            Span name = new Span(label);
            name.addClassName("clinic-figure-label");
            Div tile = new Div(value, name);
            tile.addClassNames("clinic-card", "clinic-figure");
            tile.setId("figure-" + label.toLowerCase(Locale.ROOT).replace(' ', '-'));
            figures.put(label, value);
            tiles.add(tile);
        }

        doctors.addComponentColumn(row -> {
            Span name = new Span(row.name());
            name.addClassName("clinic-patient-name");
            Span specialty = new Span(row.specialty());
            specialty.addClassName("clinic-hint");
            Div cell = new Div(name, specialty);
            cell.addClassName("clinic-two-line");
            return cell;
        }).setHeader("Doctor").setWidth("200px").setFlexGrow(1).setKey("doctor");
        columns.put("Booked", r -> Integer.toString(r.booked()));
        columns.put("Checked in", r -> Integer.toString(r.checkedIn()));
        columns.put("Waiting", r -> Integer.toString(r.waiting()));
        columns.put("With doctor", r -> Integer.toString(r.inConsultation()));
        columns.put("Seen", r -> Integer.toString(r.seen()));
        columns.put("No-shows", r -> Integer.toString(r.noShows()));
        columns.put("Avg wait", r -> minutes(r.averageWait()));
        columns.put("Longest", r -> minutes(r.longestWait(Instant.now(dashboard.clock()))));
        java.util.Set<String> wideColumns = java.util.Set.of("With doctor", "Avg wait", "Longest");
        columns.forEach((title, value) -> doctors.addColumn((ValueProvider<DoctorToday, String>) value::apply)
                .setHeader(title).setTextAlign(ColumnTextAlign.END).setKey(title)
                .setWidth(wideColumns.contains(title) ? "110px" : "90px").setFlexGrow(1));
        totals = doctors.appendFooterRow();
        totals.getCell(doctors.getColumnByKey("doctor")).setText("All doctors");
        doctors.setAllRowsVisible(true);
        doctors.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        doctors.setId("dashboard-doctors");
        doctors.setEmptyStateText("Nobody is booked or has arrived today yet.");
        H3 perDoctor = new H3("Per doctor today");
        Div doctorsCard = new Div(perDoctor, doctors);
        doctorsCard.addClassNames("clinic-card", "clinic-dashboard-doctors");

        H2 historyTitle = new H2("Last 30 days");
        period.addClassName("clinic-hint");
        Div historyHeader = new Div(historyTitle, period);
        historyHeader.addClassName("clinic-dashboard-history-header");
        charts.addClassName("clinic-charts");
        charts.setId("dashboard-charts");
        add(header, tiles, doctorsCard, historyHeader, charts);
    }

    private void refreshToday() {
        Today today = dashboard.today();
        Instant now = Instant.now(dashboard.clock());
        DoctorToday total = today.total();
        date.setText(DAY.format(today.date()));
        updated.setText("Live · updated " + TIME.format(LocalTime.now(dashboard.clock())));
        figures.get("Booked").setText(Integer.toString(total.booked()));
        figures.get("Checked in").setText(Integer.toString(total.checkedIn()));
        figures.get("Waiting now").setText(Integer.toString(total.waiting()));
        figures.get("In consultation").setText(Integer.toString(total.inConsultation()));
        figures.get("Seen").setText(Integer.toString(total.seen()));
        figures.get("No-shows").setText(Integer.toString(total.noShows()));
        figures.get("Average wait").setText(minutes(total.averageWait()));
        figures.get("Longest wait").setText(minutes(total.longestWait(now)));
        doctors.setItems(today.doctors());
        columns.forEach((header, value) -> totals.getCell(doctors.getColumnByKey(header)).setText(value.apply(total)));
        if (!today.date().minusDays(1).equals(historyTo)) {
            refreshHistory(); // first open, or the day has changed while the screen was open
        }
    }

    private void refreshHistory() {
        History history = dashboard.lastThirtyDays();
        historyTo = history.to();
        period.setText(SHORT_DAY.format(history.from()) + " – " + SHORT_DAY.format(history.to()) + " · "
                + history.visits() + " visits");
        charts.removeAll();
        charts.add(chart("Visits per day", "visits-per-day", DashboardCharts.visitsPerDay(history, chartWidth),
                        "Visits per day by specialty"),
                chart("By specialty", "visits-by-specialty", DashboardCharts.visitsBySpecialty(history, chartWidth),
                        "Visits per specialty over the 30 days"),
                chart("No-show rate", "no-show-rate", DashboardCharts.noShowRate(history, chartWidth),
                        "Share of booked appointments that were no-shows, per day"),
                chart("Average wait", "average-wait", DashboardCharts.averageWait(history, chartWidth),
                        "Average minutes from check-in to call, per day"));
        charts.getChildren().skip(1).findFirst().ifPresent(card -> ((Div) card).add(specialtyTable(history)));
    }

    private static Div chart(String title, String id, String svg, String description) {
        Image image = new Image(DashboardCharts.dataUrl(svg), description);
        image.addClassName("clinic-chart-image");
        Div card = new Div(new H3(title), image);
        card.addClassNames("clinic-card", "clinic-chart");
        card.setId("chart-" + id);
        return card;
    }

    private static Div specialtyTable(History history) {
        Div table = new Div();
        table.addClassName("clinic-specialty-table");
        for (String heading : List.of("Specialty", "Visits", "No-shows", "Average wait")) {
            Span cell = new Span(heading);
            cell.addClassName("clinic-specialty-heading");
            table.add(cell);
        }
        for (SpecialtyHistory specialty : history.bySpecialty()) {
            table.add(new Span(specialty.name()), new Span(Integer.toString(specialty.visits())),
                    new Span(specialty.noShowRate().map(r -> Math.round(r * 100) + " %").orElse("–")),
                    new Span(minutes(specialty.averageWait())));
        }
        return table;
    }

    static String minutes(Optional<Duration> duration) {
        return duration.map(d -> {
            long minutes = Math.round(d.toSeconds() / 60.0);
            return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + String.format("%02d", minutes % 60) + " min";
        }).orElse("–");
    }

    /** The card width the stylesheet gives a chart in a window this wide (drawer, paddings, one or two columns). */
    private void fitCharts(int window) {
        int content = window - (window >= 1024 ? 256 : 0) - 2 * 24 - 2 * 24;
        int width = Math.clamp(window >= 1600 ? (content - 16) / 2 : content, 320, 1200);
        if (Math.abs(width - chartWidth) > 24) {
            chartWidth = width;
            refreshHistory();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refreshToday();
        var ui = attachEvent.getUI();
        registrations.add(liveUpdates.subscribe(ui, AppointmentsChanged.class, this::refreshToday));
        registrations.add(liveUpdates.subscribe(ui, QueueChanged.class, this::refreshToday));
        registrations.add(liveUpdates.subscribe(ui, ConsultationChanged.class, this::refreshToday));
        // The longest wait runs on while nobody is called: a light refresh every half minute (the figures are cached).
        ui.setPollInterval(30_000);
        registrations.add(ui.addPollListener(poll -> refreshToday()));
        // Charts are drawn at the width their cards have, so their text is the page's size, not scaled.
        ui.getPage().retrieveExtendedClientDetails(details -> fitCharts(details.getWindowInnerWidth()));
        registrations.add(ui.getPage().addBrowserWindowResizeListener(resized -> fitCharts(resized.getWidth())));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        registrations.forEach(Registration::remove);
        registrations.clear();
        detachEvent.getUI().setPollInterval(-1);
    }
}
