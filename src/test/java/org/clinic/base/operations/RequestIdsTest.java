package org.clinic.base.operations;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** The request id filter on its own: ids kept or made, and a failure nobody handled logged with the id, redacted. */
class RequestIdsTest {

    @Test
    void a_well_formed_id_is_kept_and_anything_else_is_replaced() {
        assertThat(RequestIds.idOf("lab-7f3a9c21-0001")).isEqualTo("lab-7f3a9c21-0001");
        assertThat(RequestIds.idOf(null)).hasSize(36);
        assertThat(RequestIds.idOf("short")).hasSize(36);
        assertThat(RequestIds.idOf("a".repeat(65))).hasSize(36);
        assertThat(RequestIds.idOf("abc12345\nforged line")).doesNotContain("forged");
    }

    @Test
    void an_unhandled_failure_is_logged_under_the_request_id_without_its_text_and_answered_500() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/patients");
        request.addHeader(RequestIds.HEADER, "partner-0000-0001");
        var response = new MockHttpServletResponse();
        var failure = new DataIntegrityViolationException("Duplicate entry '+441134960123' for key 'uk_phone'",
                new SQLIntegrityConstraintViolationException("Duplicate entry '+441134960123' for key 'uk_phone'",
                        "23000", 1062));

        try (LogCapture capture = new LogCapture()) {
            new RequestIds().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                @Override
                protected void service(jakarta.servlet.http.HttpServletRequest req,
                                       jakarta.servlet.http.HttpServletResponse res) {
                    throw failure;
                }
            }));

            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("partner-0000-0001");
            assertThat(response.getContentAsString()).contains("partner-0000-0001").doesNotContain("Duplicate");
            LogCapture.Line line = capture.lines().stream().filter(l -> l.logger().equals(RequestIds.class.getName()))
                    .findFirst().orElseThrow();
            assertThat(line.requestId()).isEqualTo("partner-0000-0001");
            assertThat(line.text()).contains("DataIntegrityViolationException", "SQL state 23000, error 1062",
                    "RequestIdsTest").doesNotContain("+441134960123");
        }
    }
}
