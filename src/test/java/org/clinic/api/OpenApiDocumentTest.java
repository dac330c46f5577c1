package org.clinic.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document parses as OpenAPI 3.1, names the bearer scheme and the problem shape, and lists every
 * endpoint the API's controllers map; Swagger UI is open to anyone with its own strict policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void the_document_is_valid_openapi_3_1_and_lists_every_endpoint_of_the_api() {
        ApiCalls.Answer document = new ApiCalls(port, null).get("/api/openapi");
        assertThat(document.status()).isEqualTo(200);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.raw().body());
        OpenAPI api = parsed.getOpenAPI();
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api.getOpenapi()).startsWith("3.1");
        assertThat(api.getComponents().getSecuritySchemes().get(ApiDocumentation.BEARER).getScheme())
                .isEqualTo("bearer");
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "NewAppointment", "Patient");

        List<String> documented = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            documented.add(method.name() + " " + path);
            assertThat(operation.getResponses()).as(method + " " + path + " documents its errors")
                    .containsKeys("400", "401", "403", "429");
            assertThat(operation.getTags()).as(method + " " + path + " has a tag").isNotEmpty();
        }));
        List<String> mapped = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry
                : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().equals(ApiProblems.class.getPackageName())
                    || entry.getValue().getBeanType().isAnnotationPresent(io.swagger.v3.oas.annotations.Hidden.class)) {
                continue;
            }
            for (String path : entry.getKey().getPatternValues()) {
                entry.getKey().getMethodsCondition().getMethods().forEach(method ->
                        mapped.add(method.name().toUpperCase(Locale.ROOT) + " " + path));
            }
        }
        assertThat(mapped).hasSizeGreaterThanOrEqualTo(17);
        assertThat(documented).containsAll(mapped);
        assertThat(api.getPaths().get("/api/v1/appointments").getPost().getParameters())
                .anyMatch(p -> p.getName().equals("Idempotency-Key") && "header".equals(p.getIn()));
        assertThat(api.getPaths().get("/api/v1/appointments").getPost().getResponses().get("422").getContent()
                .get("application/problem+json")).isNotNull();
        assertThat(PathItem.HttpMethod.values()).isNotEmpty();
    }

    @Test
    void swagger_ui_is_open_to_anyone_under_its_own_policy() {
        ApiCalls anyone = new ApiCalls(port, null);
        ApiCalls.Answer entry = anyone.get("/api/docs");
        assertThat(entry.status()).isIn(200, 302);
        String page = entry.status() == 302 ? entry.header("Location") : "/api/docs";
        ApiCalls.Answer ui = anyone.get(page.replaceFirst("^https?://[^/]+", ""));

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw().body()).contains("swagger-ui");
        assertThat(ui.header("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-eval");
        assertThat(ui.header("Set-Cookie")).isEmpty();
    }
}
