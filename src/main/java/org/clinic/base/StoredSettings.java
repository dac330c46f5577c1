package org.clinic.base;

import java.util.Map;

/** The settings an administrator chose on screen, by property name; what is not there keeps its default. */
public interface StoredSettings {

    Map<String, String> read();
}
