package org.clinic.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltAssetCachingTest {

    @Test
    void a_built_file_vaadin_lets_browsers_keep_for_an_hour_is_kept_for_a_year_without_asking_again() {
        assertThat(BuiltAssetCaching.cacheControl("max-age=3600")).isEqualTo("public, max-age=31536000, immutable");
    }

    @Test
    void what_vaadin_forbids_to_cache_stays_forbidden() {
        assertThat(BuiltAssetCaching.cacheControl("no-cache")).isEqualTo("no-cache");
        assertThat(BuiltAssetCaching.cacheControl("max-age=0")).isEqualTo("max-age=0");
        assertThat(BuiltAssetCaching.cacheControl("public, max-age=0, must-revalidate"))
                .isEqualTo("public, max-age=0, must-revalidate");
    }
}
