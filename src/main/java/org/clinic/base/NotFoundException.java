package org.clinic.base;

/** What a URL or request names does not exist (or the viewer may not know that it does). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
