package org.clinic.queue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Initials on a public screen: a letter of a name part, never a whole part. */
class QueueTokensTest {

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Ann Maria Bell        | A. B.
            ann bell              | A. B.
            Madonna               | M.
            민지 김                | 민.
            김 민지                | 민.
            서연 박                | 서.
            小明 王                | 小.
            明 李                  |
            李                     |
            Anne-Marie Smith-Jones | A. S.
            O-Ren Ishii           | I.
            J. Smith              | S.
            J Smith               | S.
            Mary J                | M.
            X Y                   |
            O'Brien Ng            | O. N.
            Åsa   Lindqvist       | Å. L.
            """)
    void initials_never_show_a_whole_name_part(String fullName, @org.jspecify.annotations.Nullable String initials) {
        assertThat(QueueTokens.initials(fullName)).isEqualTo(initials == null ? "" : initials); // a blank cell: none
    }

    @org.junit.jupiter.api.Test
    void walk_in_tokens_of_two_specialties_with_the_same_first_letter_differ() {
        var cardiology = new org.clinic.doctor.SpecialtySummary(java.util.UUID.randomUUID(), "Cardiology", 7);
        var elderly = new org.clinic.doctor.SpecialtySummary(java.util.UUID.randomUUID(), "care of the elderly", 9);
        var general = new org.clinic.doctor.SpecialtySummary(java.util.UUID.randomUUID(), "General practice", 3);
        var all = java.util.List.of(cardiology, elderly, general);

        assertThat(QueueTokens.walkInPrefix(general, all)).isEqualTo("WG");
        assertThat(QueueTokens.walkInPrefix(cardiology, all)).isEqualTo("WC7");
        assertThat(QueueTokens.walkInPrefix(elderly, all)).isEqualTo("WC9");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            민지 김
            明 李
            J. Smith
            O-Ren Ishii
            Anne-Marie Smith-Jones
            """)
    void no_shown_initial_is_a_whole_part_of_the_name(String fullName) {
        java.util.Set<String> parts = java.util.Set.of(fullName.toUpperCase(java.util.Locale.ROOT)
                .replace(".", "").split("[\\s-]+"));
        for (String initial : QueueTokens.initials(fullName).split("[.\\s]+")) {
            assertThat(parts).as("%s shows %s", fullName, initial).doesNotContain(initial);
        }
    }
}
