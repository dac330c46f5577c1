package org.clinic.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links patients receive (in email, on printed tickets, in QR codes) point at the clinic's public address
 * ({@code clinic.public-url}, e.g. {@code https://clinic.example.org}), not at whatever address a member of staff
 * happens to use.
 */
@Component
public class PublicLinks {

    private final String base;

    PublicLinks(@Value("${clinic.public-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The position page of a visit: {@code <public url>/visit/<code>}. */
    public String visit(String visitCode) {
        return base + "/visit/" + visitCode;
    }

    /** The link as printed under a QR code: without the scheme, so it is short enough to type. */
    public String visitShort(String visitCode) {
        return visit(visitCode).replaceFirst("^https?://", "");
    }
}
