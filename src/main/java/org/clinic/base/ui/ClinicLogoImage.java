package org.clinic.base.ui;

import com.vaadin.flow.component.html.Image;
import org.clinic.base.ClinicIdentity;
import org.clinic.base.ClinicLogo;

import java.util.Optional;

/**
 * The clinic's logo beside its name on what is printed (ticket, prescription). A {@code data:} image, which the
 * Content-Security-Policy allows, so nothing is fetched and nothing can fail to load; decorative (empty alt text),
 * as the name stands beside it. Its own width and height keep its shape; each document's stylesheet caps how large
 * it prints ({@code .clinic-logo}).
 */
public final class ClinicLogoImage extends Image {

    public ClinicLogoImage(ClinicLogo logo) {
        super(logo.dataUri(), "");
        addClassName("clinic-logo");
        if (logo.width() > 0 && logo.height() > 0) {
            getElement().setAttribute("width", Integer.toString(logo.width()));
            getElement().setAttribute("height", Integer.toString(logo.height()));
        }
    }

    /** The clinic's logo with this id, or nothing when none was uploaded (then the name stands alone). */
    public static Optional<ClinicLogoImage> of(ClinicIdentity clinic, String id) {
        return Optional.ofNullable(clinic.logo()).map(logo -> {
            ClinicLogoImage image = new ClinicLogoImage(logo);
            image.setId(id);
            return image;
        });
    }
}
