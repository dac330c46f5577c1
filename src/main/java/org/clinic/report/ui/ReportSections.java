package org.clinic.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.clinic.report.MonthlyFigures;
import org.clinic.report.MonthlyReport;
import org.clinic.report.ReportText;
import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.util.List;

/** The parts of a shown report: heading, key figures, times, weekdays, hours and diagnoses. */
final class ReportSections {

    private ReportSections() {
    }

    static Component heading(MonthlyReport report) {
        H2 name = new H2(report.subject());
        name.setId("report-title");
        // the badge below says "month to date"
        Span detail = span(report.detail() + " · " + ReportText.days(report), "report-period");
        detail.setId("report-period");
        Div heading = new Div(name, detail);
        heading.addClassName("report-heading");
        if (report.toDate()) {
            Span badge = new Span("Month to date");
            badge.getElement().getThemeList().add("badge");
            heading.add(badge);
        }
        return heading;
    }

    static Component figures(MonthlyFigures f) {
        Div grid = new Div(
                figure("booked", "Appointments booked", Integer.toString(f.booked()), "visits in the month", ""),
                figure("completed", "Completed", Integer.toString(f.completed()),
                        ReportText.share(f.completed(), f.booked()) + " of booked", ""),
                figure("cancelled", "Cancelled", Integer.toString(f.cancelled()),
                        ReportText.share(f.cancelled(), f.booked()) + " of booked", "report-figure-muted"),
                figure("no-show", "No-show", Integer.toString(f.noShow()),
                        ReportText.share(f.noShow(), f.booked()) + " of booked", "report-figure-warn"),
                figure("consultations", "Consultations", Integer.toString(f.consultations()), "completed", ""),
                figure("patients", "Unique patients", Integer.toString(f.uniquePatients()), "seen in the month", ""),
                figure("wait", "Average wait", ReportText.duration(f.waitAverage()), "check-in to call", ""),
                figure("consultation-time", "Average consultation", ReportText.duration(f.consultationAverage()),
                        "start to completion", ""));
        percentile(grid, "figure-wait", f.waitP90());
        percentile(grid, "figure-consultation-time", f.consultationP90());
        grid.addClassName("report-figures");
        grid.setId("report-figures");
        return grid;
    }

    static Component details(MonthlyFigures f) {
        Div first = new Div(times(f), diagnoses(f));
        first.addClassName("report-stack");
        Component weekdays = weekdays(f);
        weekdays.getElement().getClassList().add("report-area-weekdays");
        Component hours = hours(f);
        hours.getElement().getClassList().add("report-area-hours");
        Div columns = new Div(first, weekdays, hours);
        columns.addClassName("report-columns");
        return columns;
    }

    private static Component times(MonthlyFigures f) {
        Div table = table(List.of("", "Average", "90th pct.", "Measured"), List.of(
                List.of("Wait (check-in to call)", ReportText.duration(f.waitAverage()),
                        ReportText.duration(f.waitP90()), Integer.toString(f.waits())),
                List.of("Consultation", ReportText.duration(f.consultationAverage()),
                        ReportText.duration(f.consultationP90()), Integer.toString(f.timed()))), 1);
        table.setId("report-times");
        return card("Waiting and consultation time", table);
    }

    private static Component weekdays(MonthlyFigures f) {
        int max = f.byWeekday().stream().mapToInt(Integer::intValue).max().orElse(0);
        Div bars = new Div();
        bars.setId("report-weekdays");
        for (DayOfWeek day : DayOfWeek.values()) {
            bars.add(bar(day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH),
                    f.onWeekday(day), max));
        }
        return card("Busiest weekdays", bars);
    }

    private static Component hours(MonthlyFigures f) {
        int max = f.byHour().stream().mapToInt(Integer::intValue).max().orElse(0);
        int[] span = ReportText.hourSpan(f);
        Div bars = new Div();
        bars.setId("report-hours");
        for (int h = span[0]; h <= span[1]; h++) {
            bars.add(bar(String.format("%02d:00", h), f.byHour().get(h), max));
        }
        return card("Busiest hours", bars);
    }

    private static Component diagnoses(MonthlyFigures f) {
        Component body;
        if (f.topDiagnoses().isEmpty()) {
            Span none = span("No coded diagnoses in this month.", "report-empty");
            body = none;
        } else {
            Div rows = new Div();
            rows.addClassName("report-diagnoses");
            for (MonthlyFigures.Diagnosis d : f.topDiagnoses()) {
                Div row = new Div(span(d.code(), "report-code"),
                        span(d.title() == null ? "" : d.title(), "report-diagnosis-title"),
                        span(d.count() + " · " + ReportText.share(d.count(), f.consultations()), "report-bar-count"));
                row.addClassName("report-diagnosis");
                rows.add(row);
            }
            body = rows;
        }
        Div card = card("Top diagnoses", body);
        card.setId("report-diagnoses");
        return card;
    }

    private static Div figure(String id, String label, String value, String note, String variant) {
        Div figure = new Div(span(label, "report-figure-label"), span(value, "report-figure-value"),
                span(note, "report-figure-note"));
        figure.getElement().setAttribute("title", label + ": " + value + " (" + note + ")");
        figure.addClassName("report-figure");
        if (!variant.isEmpty()) {
            figure.addClassName(variant);
        }
        figure.setId("figure-" + id);
        return figure;
    }

    private static void percentile(Div grid, String id, java.time.@Nullable Duration p90) {
        grid.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().ifPresent(card ->
                ((Div) card).add(span(p90 == null ? "nothing measured"
                        : "9 in 10 within " + ReportText.duration(p90), "report-figure-note")));
    }

    private static Div bar(String label, int count, int max) {
        Div fill = new Div();
        fill.setWidth(max == 0 ? "0" : (100.0 * count / max) + "%");
        Div track = new Div(fill);
        track.addClassName("report-bar");
        if (count == max && max > 0) {
            track.addClassName("report-bar-top");
        }
        Div row = new Div(span(label, "report-bar-label"), track, span(Integer.toString(count), "report-bar-count"));
        row.addClassName("report-bar-row");
        return row;
    }

    private static Div table(List<String> headers, List<List<String>> rows, int textColumns) {
        com.vaadin.flow.dom.Element table = new com.vaadin.flow.dom.Element("table");
        table.getClassList().add("report-table");
        com.vaadin.flow.dom.Element head = new com.vaadin.flow.dom.Element("tr");
        for (int i = 0; i < headers.size(); i++) {
            com.vaadin.flow.dom.Element th = new com.vaadin.flow.dom.Element("th").setText(headers.get(i));
            if (i >= textColumns) {
                th.getClassList().add("report-num");
            }
            head.appendChild(th);
        }
        table.appendChild(head);
        for (List<String> row : rows) {
            com.vaadin.flow.dom.Element tr = new com.vaadin.flow.dom.Element("tr");
            for (int i = 0; i < row.size(); i++) {
                com.vaadin.flow.dom.Element td = new com.vaadin.flow.dom.Element("td").setText(row.get(i));
                if (i >= textColumns) {
                    td.getClassList().add("report-num");
                }
                tr.appendChild(td);
            }
            table.appendChild(tr);
        }
        Div holder = new Div();
        holder.getElement().appendChild(table);
        return holder;
    }

    private static Div card(String title, Component body) {
        Div card = new Div(new H3(title), body);
        card.addClassName("clinic-card");
        return card;
    }

    static Span span(@Nullable String text, String className) {
        Span span = new Span(text == null ? "" : text);
        span.addClassName(className);
        return span;
    }
}
