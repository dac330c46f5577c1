package org.clinic.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file that spreadsheets open safely: RFC 4180 (quoted where needed, CRLF between records), UTF-8 with a byte
 * order mark so Excel reads accents and non-Latin names right, and every cell that a spreadsheet would take for a
 * formula (starting with {@code = + - @}, tab or carriage return) prefixed with a single quote, so it shows as the
 * text it is (CSV injection, OWASP). Commons CSV does the quoting; it does not neutralise formulas.
 */
public final class SafeCsvWriter {

    static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    private final CSVPrinter printer;

    public SafeCsvWriter(List<String> headers) {
        try {
            writer.write(BOM);
            printer = new CSVPrinter(writer, FORMAT);
            row(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one record; null cells are empty. */
    public void row(List<? extends @Nullable Object> cells) {
        try {
            printer.printRecord(cells.stream().map(SafeCsvWriter::neutralise));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's bytes, BOM first. */
    public byte[] toBytes() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The cell as text, with a leading quote if a spreadsheet would read it as a formula; "-5" included. */
    public static String neutralise(@Nullable Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
