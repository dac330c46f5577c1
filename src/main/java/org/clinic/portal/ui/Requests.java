package org.clinic.portal.ui;

import com.vaadin.flow.server.VaadinRequest;

/** Where the current request comes from, for the portal's per-address limits. */
final class Requests {

    private Requests() {
    }

    static String address() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
