package org.clinic.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void clean_trims_collapses_spaces_and_normalises_unicode() {
        assertThat(Texts.clean("  Anna \t  Maria  ")).isEqualTo("Anna Maria");
        assertThat(Texts.clean("Mu\u0308ller")).isEqualTo("Müller");
        assertThat(Texts.clean("   ")).isNull();
        assertThat(Texts.clean(null)).isNull();
    }

    @Test
    void search_keys_fold_case_accents_and_special_letters() {
        assertThat(Texts.searchKey("Müller")).isEqualTo(Texts.searchKey("MULLER")).isEqualTo("muller");
        assertThat(Texts.searchKey("Søren Ødegaard")).isEqualTo("soren odegaard");
        assertThat(Texts.searchKey("Łukasz Wiśniewski")).isEqualTo("lukasz wisniewski");
        assertThat(Texts.searchKey("Ó Súilleabháin")).isEqualTo("o suilleabhain");
        assertThat(Texts.searchKey("D’Angelo")).isEqualTo("d'angelo");
        assertThat(Texts.searchKey("Straße")).isEqualTo("strasse");
        assertThat(Texts.searchKey("Nguyễn")).isEqualTo("nguyen");
        assertThat(Texts.searchKey("王 伟")).isEqualTo("王 伟");
        assertThat(Texts.searchKey("Παπαδόπουλος")).isEqualTo("παπαδοπουλος");
    }

    @Test
    void invisible_characters_are_detected() {
        assertThat(Texts.hasInvisibleCharacters("Anna\u0000")).isTrue();
        assertThat(Texts.hasInvisibleCharacters("Anna\u202E")).isTrue();
        assertThat(Texts.hasInvisibleCharacters("محمد")).isFalse();
    }
}
