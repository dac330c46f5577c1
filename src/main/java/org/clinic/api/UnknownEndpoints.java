package org.clinic.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other address or method under {@code /api/v1}: a 404 problem document. Without it the request would fall
 * through to the screens (Vaadin answers every address it does not know with a page).
 */
@Hidden
@RestController
class UnknownEndpoints {

    @RequestMapping("/api/v1/**")
    ProblemDetail unknown(HttpServletRequest request) {
        return ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No endpoint " + request.getMethod()
                + " " + request.getRequestURI() + "; the endpoints are listed at /api/docs");
    }
}
