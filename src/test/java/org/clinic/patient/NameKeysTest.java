package org.clinic.patient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTest {

    @Test
    void spellings_that_sound_alike_share_a_key() {
        assertThat(NameKeys.sounds("Tarik")).containsAnyElementsOf(NameKeys.sounds("Tariq"));
        assertThat(NameKeys.sounds("Naser")).containsAnyElementsOf(NameKeys.sounds("Nasser"));
        assertThat(NameKeys.sounds("Mohammed")).containsAnyElementsOf(NameKeys.sounds("Muhammad"));
    }

    @Test
    void accents_and_letters_unicode_does_not_decompose_are_folded_first() {
        assertThat(NameKeys.sounds("José")).isEqualTo(NameKeys.sounds("Jose"));
        assertThat(NameKeys.sounds("Müller")).isEqualTo(NameKeys.sounds("MULLER"));
        assertThat(NameKeys.sounds("Sørensen")).isEqualTo(NameKeys.sounds("Sorensen"));
        assertThat(NameKeys.sounds("Łukasz")).isEqualTo(NameKeys.sounds("Lukasz"));
    }

    @Test
    void different_names_do_not_share_a_key() {
        assertThat(NameKeys.sounds("Tariq")).doesNotContainAnyElementsOf(NameKeys.sounds("Omar"));
        assertThat(NameKeys.sounds("Nasser")).doesNotContainAnyElementsOf(NameKeys.sounds("Haddad"));
        assertThat(NameKeys.sounds("Alexandra")).doesNotContainAnyElementsOf(NameKeys.sounds("Alexandrov"));
    }

    @Test
    void particles_do_not_make_two_families_sound_alike() {
        assertThat(NameKeys.sounds("de Souza")).doesNotContainAnyElementsOf(NameKeys.sounds("de Lima"));
        assertThat(NameKeys.words("van der Berg")).containsExactly("berg");
        assertThat(NameKeys.words("Le")).containsExactly("le"); // a name that is only a particle keeps it
    }

    @Test
    void scripts_the_codec_does_not_encode_are_kept_as_written() {
        assertThat(NameKeys.sounds("Иванова")).containsExactly("=иванова");
        assertThat(NameKeys.sounds("김")).singleElement().asString().startsWith("="); // Hangul folds to its jamo
        assertThat(NameKeys.sounds("김")).isNotEqualTo(NameKeys.sounds("이"));
    }

    @Test
    void later_words_of_a_family_name_are_keyed_with_the_given_name() {
        assertThat(NameKeys.of("Ana", "García López")).contains(new NameKeys.Key(NameKeys.LATER_WORD, "lopez ana"))
                .noneMatch(key -> key.kind() == NameKeys.LATER_WORD && key.key().startsWith("garcia"));
        assertThat(NameKeys.of("Tom", "Smith-Jones")).contains(new NameKeys.Key(NameKeys.LATER_WORD, "jones tom"));
        assertThat(NameKeys.of("Tom", "Smith")).noneMatch(key -> key.kind() == NameKeys.LATER_WORD);
    }
}
