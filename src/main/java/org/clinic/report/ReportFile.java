package org.clinic.report;

/** A report ready to download. */
public record ReportFile(String fileName, String contentType, byte[] bytes) {
}
