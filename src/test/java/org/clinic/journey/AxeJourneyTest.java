package org.clinic.journey;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The accessibility check itself: it fails on a serious violation and says which rule, where and what to do. */
class AxeJourneyTest extends JourneyTest {

    @Test
    void a_field_without_a_label_fails_the_check_with_rule_element_and_help() {
        Page page = browsers.newPage(375, 812);
        page.setContent("<!doctype html><html lang='en'><head><title>Form</title></head><body><main><h1>Form</h1>"
                + "<input id='nameless' type='text'></main></body></html>");

        assertThatThrownBy(() -> Axe.assertNoSeriousViolations(page, "axe-self-check"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label [critical]")
                .hasMessageContaining("#nameless")
                .hasMessageContaining("Form elements must have labels");
    }
}
