package org.clinic.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.clinic.base.ClinicIdentity;
import org.clinic.base.ui.ClinicLogoImage;
import org.clinic.consultation.Consultation;
import org.clinic.consultation.ConsultationContent;
import org.clinic.consultation.ConsultationStatus;
import org.clinic.consultation.PrescriptionLine;
import org.clinic.consultation.PrintedPrescription;
import org.clinic.patient.Mrn;
import org.jspecify.annotations.Nullable;

import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The prescription and visit summary as paper: what a pharmacist checks before dispensing (the clinic, with its logo
 * when one was uploaded, and how to reach it, the patient with date of birth, age, sex and weight, the prescriber
 * with their registration number, the date, each medicine with strength, dose, frequency, duration, quantity and
 * instructions, allergies, a signature), then the visit summary for the patient's own records. A draft carries a
 * DRAFT mark: not valid as a prescription. Styled by styles/prescription.css, which also prints it alone on an A4 page.
 */
class PrescriptionSheet extends Div {

    /** Dates on paper spelled out, never 03/04 that reads differently on each side of the Atlantic. */
    static final DateTimeFormatter PAPER_DATE = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final String[] COLUMNS = {"Medicine", "Strength", "Dose", "How often", "Duration", "Quantity",
            "Instructions"};

    private final Div allergies = new Div();

    PrescriptionSheet() {
        setId("visit-summary");
        addClassName("clinic-print-summary");
    }

    void show(PrintedPrescription printed, ZoneId zone) {
        removeAll();
        Consultation c = printed.consultation();
        add(header(printed.clinic(), c));
        if (c.status() == ConsultationStatus.DRAFT) {
            Div draft = new Div(new Span("DRAFT: not completed, not valid as a prescription"));
            draft.addClassName("clinic-summary-draft");
            draft.setId("summary-draft");
            add(draft);
        }
        Div people = new Div(patient(printed), prescriber(printed));
        people.addClassName("rx-people");
        add(people);
        allergies.setId("summary-allergies");
        allergies.addClassName("rx-allergies");
        allergies(List.of(), false);
        add(allergies);
        add(prescription(c.content()));
        add(signature(printed, zone));
        add(visitSummary(c, zone));
    }

    /**
     * The patient's allergies as the pharmacist reads them: "none known" when the patient said so, "not recorded"
     * when nobody has asked yet (so the pharmacist asks), otherwise each allergy on its own line, e.g. "Penicillins:
     * anaphylaxis (severe)". The allergy record belongs to another module; the page that shows this sheet passes its
     * active allergies here, already worded.
     *
     * @param active    the patient's active allergies, one line each
     * @param noneKnown the patient has been asked and has no known allergies
     */
    void allergies(List<String> active, boolean noneKnown) {
        allergies.removeAll();
        Span label = new Span("Allergies");
        label.addClassName("rx-label");
        allergies.add(label);
        allergies.getElement().setAttribute("data-state", !active.isEmpty() ? "listed"
                : noneKnown ? "none-known" : "not-recorded");
        if (!active.isEmpty()) {
            UnorderedList list = new UnorderedList();
            active.forEach(a -> list.add(new ListItem(a)));
            allergies.add(list);
        } else {
            allergies.add(new Span(noneKnown ? "None known" : "Not recorded: ask the patient before dispensing"));
        }
    }

    private static Component header(ClinicIdentity clinic, Consultation c) {
        H1 name = new H1(clinic.name());
        name.setId("summary-clinic");
        Div address = new Div();
        address.setId("summary-clinic-address");
        address.addClassName("rx-address");
        clinic.addressLines().forEach(line -> address.add(new Span(line)));
        if (!clinic.phone().isEmpty()) {
            address.add(new Span("Tel. " + clinic.phone()));
        }
        Div who = new Div(name, address);
        Div brand = new Div();
        brand.addClassName("rx-clinic");
        ClinicLogoImage.of(clinic, "summary-clinic-logo").ifPresent(brand::add); // none uploaded: the name alone
        brand.add(who);
        H2 title = new H2("Prescription");
        Span subtitle = new Span("and visit summary");
        Span date = new Span("Date: " + PAPER_DATE.format(c.visitDate()));
        date.setId("summary-date");
        date.addClassName("rx-date");
        Div what = new Div(title, subtitle, date);
        what.addClassName("rx-title");
        Div header = new Div(brand, what);
        header.addClassName("clinic-summary-header");
        return header;
    }

    private static Component patient(PrintedPrescription printed) {
        Consultation c = printed.consultation();
        Div box = box("Patient", "summary-patient");
        Span name = new Span(c.patientName());
        name.addClassName("rx-name");
        box.add(name);
        box.add(fact("Date of birth", PAPER_DATE.format(c.patientBirthDate())
                + (c.patientBirthDateEstimated() ? " (estimated)" : "") + " · age " + c.patientAge().text()));
        box.add(fact("Sex", c.patientSex().label()));
        box.add(fact("Weight", weight(printed.weight())));
        box.add(fact("MRN", Mrn.display(c.patientMrn())));
        return box;
    }

    private static Component prescriber(PrintedPrescription printed) {
        Consultation c = printed.consultation();
        Div box = box("Prescriber", "summary-prescriber");
        Span name = new Span(c.doctorName());
        name.addClassName("rx-name");
        box.add(name, fact("Specialty", c.specialty()));
        box.add(fact("Registration no.", printed.registrationNumber() == null
                ? "not recorded: ask the clinic" : printed.registrationNumber()));
        return box;
    }

    private static String weight(PrintedPrescription.@Nullable Weight weight) {
        if (weight == null) {
            return "not recorded";
        }
        String kg = new DecimalFormat("0.#").format(weight.kg()) + " kg";
        return weight.thisVisit() ? kg + " (this visit)" : kg + " (on " + PAPER_DATE.format(weight.on()) + ")";
    }

    private static Component prescription(ConsultationContent content) {
        Div rx = new Div();
        rx.addClassName("rx-prescription");
        Span symbol = new Span("℞");
        symbol.addClassName("rx-symbol");
        symbol.getElement().setAttribute("aria-hidden", "true");
        H3 title = new H3("Rx · Medicines");
        Div heading = new Div(symbol, title);
        heading.addClassName("rx-heading");
        rx.add(heading);
        if (content.prescription().isEmpty()) {
            Paragraph none = new Paragraph("No medicines prescribed.");
            none.setId("summary-prescription");
            rx.add(none);
            return rx;
        }
        NativeTable table = new NativeTable();
        table.setId("summary-prescription");
        table.addClassName("rx-table");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText("#");
        for (String column : COLUMNS) {
            head.addHeaderCell().setText(column);
        }
        int number = 1;
        for (PrescriptionLine line : content.prescription()) {
            NativeTableRow row = table.getBody().addRow();
            row.addClassName("rx-line");
            cell(row, "#", number++ + ".");
            NativeTableCell medicine = cell(row, COLUMNS[0], line.medicine());
            medicine.addClassName("rx-medicine");
            cell(row, COLUMNS[1], line.strength());
            cell(row, COLUMNS[2], line.dose());
            cell(row, COLUMNS[3], line.frequency());
            cell(row, COLUMNS[4], line.duration());
            cell(row, COLUMNS[5], line.quantity());
            cell(row, COLUMNS[6], line.instructions());
            if (line.allergyOverride() != null && !line.allergyOverride().isBlank()) {
                NativeTableRow override = table.getBody().addRow();
                override.addClassName("rx-override");
                NativeTableCell reason = override.addDataCell();
                reason.setColspan(COLUMNS.length + 1);
                Span mark = new Span("⚠ Allergy override");
                mark.addClassName("rx-override-mark");
                reason.add(mark, new Span(" Prescribed despite a recorded allergy. Reason: " + line.allergyOverride()));
            }
        }
        rx.add(table);
        Span count = new Span(content.prescription().size() == 1 ? "1 medicine" : content.prescription().size()
                + " medicines");
        count.addClassName("rx-count");
        rx.add(count);
        return rx;
    }

    private static NativeTableCell cell(NativeTableRow row, String label, @Nullable String text) {
        NativeTableCell cell = row.addDataCell();
        cell.setText(text == null || text.isBlank() ? "—" : text);
        cell.getElement().setAttribute("data-label", label); // the column's name where the table stacks on a phone
        return cell;
    }

    private static Component signature(PrintedPrescription printed, ZoneId zone) {
        Consultation c = printed.consultation();
        Div line = new Div();
        line.addClassName("rx-signature-line");
        Div signature = new Div(line, new Span("Signature"));
        signature.addClassName("rx-sign");
        Div details = new Div(
                fact("Name", c.doctorName()),
                fact("Registration no.", printed.registrationNumber() == null ? "" : printed.registrationNumber()),
                fact("Date", c.completedAt() == null ? "" : PAPER_DATE.format(LocalDate.ofInstant(c.completedAt(), zone))));
        details.addClassName("rx-sign-details");
        Span status = new Span(c.completedAt() == null ? "Draft: not signed off"
                : "Completed " + ConsultationText.when(c.completedAt(), zone));
        status.addClassName("rx-completed");
        Div block = new Div(signature, details, status);
        block.addClassName("clinic-summary-signature");
        block.setId("summary-signature");
        return block;
    }

    private static Component visitSummary(Consultation c, ZoneId zone) {
        ConsultationContent content = c.content();
        Div summary = new Div(new H3("Visit summary"));
        summary.addClassName("rx-visit");
        section(summary, "Diagnosis", content.diagnosis() == null ? null
                : content.diagnosis() + (content.diagnosisCode() == null ? "" : " (" + content.diagnosisCode() + ")"));
        section(summary, "Chief complaint", content.chiefComplaint());
        section(summary, "Vitals", ConsultationText.vitalsLine(content.vitals(), c.patientAge()));
        section(summary, "Advice", content.advice());
        section(summary, "Follow-up", content.followUpOn() == null ? null
                : ConsultationText.DATE.format(content.followUpOn())
                + (content.followUpNote() == null ? "" : ": " + content.followUpNote()));
        for (Consultation.Addendum addendum : c.addenda()) {
            section(summary, "Addendum · " + addendum.authorName() + " · "
                    + ConsultationText.when(addendum.writtenAt(), zone), addendum.text());
        }
        return summary;
    }

    private static void section(Div parent, String title, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Span heading = new Span(title);
        heading.addClassName("rx-label");
        Div section = new Div(heading, new Paragraph(text));
        section.addClassName("clinic-summary-section");
        parent.add(section);
    }

    private static Div box(String title, String id) {
        Span heading = new Span(title);
        heading.addClassName("rx-box-title");
        Div box = new Div(heading);
        box.addClassName("rx-box");
        box.setId(id);
        return box;
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("rx-label");
        Span v = new Span(value);
        v.addClassName("rx-value");
        Div fact = new Div(l, v);
        fact.addClassName("rx-fact");
        return fact;
    }
}
