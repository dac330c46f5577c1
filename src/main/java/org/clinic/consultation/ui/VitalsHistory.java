package org.clinic.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.clinic.consultation.Age;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationRules;
import org.clinic.consultation.Vital;
import org.clinic.consultation.Vitals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A patient's vitals over their completed consultations: a table with each value outside the usual range for the
 * age the patient had at that visit marked (the reason in its tooltip and for screen readers), and blood pressure and
 * weight drawn as a chart ({@link VitalsChart}).
 */
final class VitalsHistory extends Div {

    VitalsHistory(List<Consultation> history) {
        setId("vitals-history");
        Grid<Consultation> trend = new Grid<>();
        trend.setId("vitals-over-time");
        trend.addColumn(c -> ConsultationText.DATE.format(c.visitDate())).setHeader("Date").setAutoWidth(true);
        trend.addColumn(c -> c.patientAge().text()).setHeader("Age").setAutoWidth(true);
        trend.addComponentColumn(VitalsHistory::bloodPressure).setHeader("BP mmHg").setAutoWidth(true);
        for (Vital vital : List.of(Vital.PULSE, Vital.RESPIRATORY_RATE, Vital.TEMPERATURE, Vital.SPO2,
                Vital.WEIGHT)) {
            trend.addComponentColumn(c -> value(vital, c)).setHeader(header(vital)).setAutoWidth(true);
        }
        trend.addComponentColumn(VitalsHistory::bmi).setHeader("BMI").setAutoWidth(true);
        trend.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        trend.setAllRowsVisible(true);
        trend.setItems(history);
        add(new H4("Vitals over time"), trend);
        Span legend = new Span("⚠ outside the usual range for the patient's age at that visit; point at a value "
                + "for the range");
        legend.addClassName("clinic-hint-inline");
        add(legend);
        if (VitalsChart.hasData(history)) {
            String description = VitalsChart.description(history);
            Image chart = new Image(VitalsChart.dataUrl(VitalsChart.svg(history)), description);
            chart.setId("vitals-chart");
            chart.addClassName("clinic-vitals-chart");
            chart.setWidth(VitalsChart.WIDTH + "px");
            chart.setMaxWidth("100%");
            add(chart);
        }
    }

    private static String header(Vital vital) {
        return switch (vital) {
            case PULSE -> "Pulse /min";
            case RESPIRATORY_RATE -> "Resp. /min";
            case TEMPERATURE -> "Temp °C";
            case SPO2 -> "SpO₂ %";
            case WEIGHT -> "Weight kg";
            default -> vital.label();
        };
    }

    private static Component value(Vital vital, Consultation c) {
        Number value = c.content().vitals().value(vital);
        if (value == null) {
            return new Span("—");
        }
        return marked(vital.format(value.doubleValue()), vital.flag(value, c.patientAge()).stream().toList());
    }

    private static Component bloodPressure(Consultation c) {
        Vitals v = c.content().vitals();
        if (v.bloodPressure() == null) {
            return new Span("—");
        }
        Age age = c.patientAge();
        List<String> flags = new ArrayList<>();
        Vital.SYSTOLIC.flag(v.systolic(), age).ifPresent(f -> flags.add("Systolic " + lower(f)));
        Vital.DIASTOLIC.flag(v.diastolic(), age).ifPresent(f -> flags.add("Diastolic " + lower(f)));
        return marked(v.bloodPressure(), flags);
    }

    private static Component bmi(Consultation c) {
        Double bmi = c.content().vitals().bmi();
        if (bmi == null) {
            return new Span("—");
        }
        Optional<String> flag = ConsultationRules.bmiFlag(bmi, c.patientAge());
        Span shown = marked(bmi.toString(), flag.stream().toList());
        if (!c.patientAge().band().adult()) {
            shown.setTitle("BMI " + bmi + ": " + ConsultationRules.CHILD_BMI_NOTE);
        }
        return shown;
    }

    /** The value, with ⚠ and the reasons (tooltip and screen readers) when it is outside the usual range. */
    private static Span marked(String value, List<String> flags) {
        Span span = new Span(value);
        if (!flags.isEmpty()) {
            String why = String.join("; ", flags);
            span.setText(value + " ⚠");
            span.setTitle(why);
            span.getElement().setAttribute("aria-label", value + ": " + why);
            span.getElement().setAttribute("data-flag", flags.getFirst().contains("Low") ? "low" : "high");
            span.addClassName("clinic-vital-flagged");
        }
        return span;
    }

    private static String lower(String flag) {
        return flag.isEmpty() ? flag : Character.toLowerCase(flag.charAt(0)) + flag.substring(1);
    }
}
