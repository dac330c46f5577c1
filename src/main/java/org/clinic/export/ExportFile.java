package org.clinic.export;

/** A produced export, for download. */
public record ExportFile(String fileName, byte[] content) {
}
