package org.clinic.queue.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.clinic.clinical.AllergyStatus;
import org.clinic.clinical.SafetyBadges;
import org.clinic.clinical.SafetyRecords;
import org.clinic.queue.QueueEntryView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The allergy and alert badges of a doctor's queue cards, read for the whole queue at once through
 * {@link SafetyRecords#badges} (as the viewer: a receptionist gets the non-clinical alerts only). For a doctor, a
 * patient whose allergies were never asked shows "Allergies not recorded", so the question is asked in the room.
 */
final class QueueSafetyBadges {

    /** The badges after the patient's name in a row (Lit template). */
    static final String TEMPLATE = "<div class=\"clinic-queue-safety\">"
            + "<span ?hidden=${!item.allergy} theme=${item.severe ? 'badge error primary' : 'badge error'}"
            + " title=\"Active allergies\">${item.allergy}</span>"
            + "<span ?hidden=${!item.ask} theme=\"badge contrast\" title=\"Ask the patient about allergies\">"
            + "Allergies not recorded</span>"
            + "<span ?hidden=${!item.alerts} theme=\"badge\">${item.alerts}</span></div>";

    private final SafetyRecords records;
    private final boolean doctor;
    private Map<UUID, SafetyBadges> read = Map.of();

    QueueSafetyBadges(SafetyRecords records, boolean doctor) {
        this.records = records;
        this.doctor = doctor;
    }

    void read(List<QueueEntryView> waiting, List<QueueEntryView> current) {
        List<UUID> patients = Stream.concat(waiting.stream(), current.stream()).map(QueueEntryView::patientId)
                .distinct().toList();
        read = patients.isEmpty() ? Map.of() : records.badges(patients);
    }

    LitRenderer<QueueEntryView> withBadges(LitRenderer<QueueEntryView> renderer) {
        return renderer.withProperty("allergy", e -> allergyText(of(e.patientId())))
                .withProperty("severe", e -> of(e.patientId()).worstSeverity() != null
                        && of(e.patientId()).worstSeverity().serious())
                .withProperty("ask", e -> asking(of(e.patientId())))
                .withProperty("alerts", e -> String.join(" · ", of(e.patientId()).alerts()));
    }

    /** The same badges as components, for the card of the patient called or in the room. */
    Span badges(UUID patientId) {
        SafetyBadges badges = of(patientId);
        Span all = new Span();
        all.addClassName("clinic-queue-safety");
        all.setId("now-safety");
        List<Span> parts = new ArrayList<>();
        if (!badges.allergies().isEmpty()) {
            parts.add(badge(allergyText(badges), badges.worstSeverity() != null && badges.worstSeverity().serious()
                    ? "badge error primary" : "badge error"));
        } else if (asking(badges)) {
            parts.add(badge("Allergies not recorded", "badge contrast"));
        }
        badges.alerts().forEach(a -> parts.add(badge(a, "badge")));
        parts.forEach(all::add);
        all.setVisible(!parts.isEmpty());
        return all;
    }

    private SafetyBadges of(UUID patientId) {
        return read.getOrDefault(patientId, SafetyBadges.NONE);
    }

    private boolean asking(SafetyBadges badges) {
        return doctor && badges.allergies().isEmpty() && badges.allergyStatus() != AllergyStatus.NO_KNOWN;
    }

    private static String allergyText(SafetyBadges badges) {
        return badges.allergies().isEmpty() ? "" : "Allergy: " + String.join(", ", badges.allergies());
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        return badge;
    }
}
