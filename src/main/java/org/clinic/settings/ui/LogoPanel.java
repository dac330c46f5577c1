package org.clinic.settings.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.clinic.base.ClinicLogo;
import org.clinic.base.RuleViolation;
import org.clinic.settings.ClinicSettingsService;

import java.util.Optional;

/**
 * The clinic's logo: a preview of the one stored, an upload to replace it (PNG or JPEG, checked again by the
 * service) and a button to remove it. Tickets, prescriptions and report PDFs print it beside the clinic's name from
 * the next printout on.
 */
class LogoPanel extends Div {

    private final ClinicSettingsService service;
    private final Runnable changed;
    private final Div preview = new Div();
    private final Span about = new Span();
    private final Span error = new Span();
    private final Button remove;
    private final Upload upload;

    LogoPanel(ClinicSettingsService service, Runnable changed) {
        this.service = service;
        this.changed = changed;
        setId("clinic-logo");
        addClassName("clinic-settings-logo");
        Span label = new Span("Logo");
        label.addClassName("clinic-settings-label");
        preview.addClassName("clinic-settings-logo-preview");
        about.addClassName("clinic-hint");
        error.addClassName("clinic-settings-error");
        error.setId("clinic-logo-error");
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> uploaded(bytes));
            } else {
                uploaded(bytes);
            }
        }));
        upload.setId("clinic-logo-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ClinicLogo.MAX_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setUploadButton(new Button("Upload logo…", new Icon(VaadinIcon.UPLOAD)));
        upload.setDropLabel(new Span("PNG or JPEG, at most " + ClinicLogo.MAX_BYTES / 1024 + " KB"));
        upload.addFileRejectedListener(rejected -> showError(rejected.getErrorMessage()));
        remove = new Button("Remove logo", new Icon(VaadinIcon.TRASH), click -> remove());
        remove.setId("clinic-logo-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        Div controls = new Div(upload, remove, error);
        controls.addClassName("clinic-settings-logo-controls");
        Div row = new Div(preview, controls);
        row.addClassName("clinic-settings-logo-row");
        Span note = new Span("Printed beside the clinic's name on tickets, prescriptions and monthly report PDFs, "
                + "from the next printout on; without a logo the name stands alone. SVG is not accepted (it may carry "
                + "script).");
        note.addClassName("clinic-hint");
        add(label, row, about, note);
    }

    void show(Optional<ClinicLogo> logo) {
        preview.removeAll();
        error.setText("");
        if (logo.isPresent()) {
            ClinicLogo l = logo.get();
            Image image = new Image(l.dataUri(), "The clinic's logo");
            image.setId("clinic-logo-image");
            preview.add(image);
            about.setText(l.description());
            remove.setVisible(true);
        } else {
            Span none = new Span("No logo");
            none.addClassName("clinic-hint");
            preview.add(none);
            about.setText("");
            remove.setVisible(false);
        }
    }

    void uploaded(byte[] bytes) {
        try {
            service.uploadLogo(bytes);
            show(service.logo());
            about.setText(about.getText() + " · saved, in force now");
            upload.clearFileList(); // ready for another
            changed.run();
        } catch (RuleViolation violation) {
            showError(violation.getMessage());
        }
    }

    private void remove() {
        boolean removed = service.removeLogo().isPresent();
        show(service.logo());
        if (removed) {
            about.setText("Logo removed");
        }
        changed.run();
    }

    private void showError(String message) {
        error.setText(message);
    }
}
