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
    void invisible_characters_are_detected() {
        assertThat(Texts.hasInvisibleCharacters("Anna\u0000")).isTrue();
        assertThat(Texts.hasInvisibleCharacters("Anna\u202E")).isTrue();
        assertThat(Texts.hasInvisibleCharacters("محمد")).isFalse();
    }
}
