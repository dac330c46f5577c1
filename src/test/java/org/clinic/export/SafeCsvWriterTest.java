package org.clinic.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvWriterTest {

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_prefixed_with_a_quote() throws IOException {
        SafeCsvWriter csv = new SafeCsvWriter(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"));
        csv.row(Arrays.asList("=HYPERLINK(\"http://evil\")", "+1+2", "-", "-5", "@SUM(A1)", "\tTab", "\rCR",
                "plain text", null));

        List<CSVRecord> records = parse(csv.toBytes());

        assertThat(records.get(1).toList()).containsExactly("'=HYPERLINK(\"http://evil\")", "'+1+2", "'-", "'-5",
                "'@SUM(A1)", "'\tTab", "'\rCR", "plain text", "");
    }

    @Test
    void the_file_is_utf8_with_a_byte_order_mark_and_crlf_between_records() {
        SafeCsvWriter csv = new SafeCsvWriter(List.of("Name", "Note"));
        csv.row(List.of("Anna", "two\nlines, and a comma"));

        byte[] bytes = csv.toBytes();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFName,Note\r\nAnna,\"two\nlines, and a comma\"\r\n");
    }

    @Test
    void arabic_han_and_cyrillic_names_come_back_unchanged_from_the_bytes() throws IOException {
        List<String> names = List.of("فاطمة الزهراء", "陈美玲", "Ольга Шевченко", "Zoë O’Brien");
        SafeCsvWriter csv = new SafeCsvWriter(List.of("Name"));
        names.forEach(name -> csv.row(List.of(name)));

        List<CSVRecord> records = parse(csv.toBytes());

        assertThat(records.stream().skip(1).map(r -> r.get(0)).toList()).isEqualTo(names);
    }

    /** Parses the file as a spreadsheet would: the byte order mark skipped, then RFC 4180. */
    static List<CSVRecord> parse(byte[] bytes) throws IOException {
        assertThat(Arrays.copyOf(bytes, 3)).as("byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
