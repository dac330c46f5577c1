package org.clinic.base;

import java.util.Map;
import java.util.Optional;

/** The settings an administrator chose on screen, by property name; what is not there keeps its default. */
public interface StoredSettings {

    Map<String, String> read();

    /** The logo uploaded on screen, if any. */
    Optional<ClinicLogo> logo();
}
