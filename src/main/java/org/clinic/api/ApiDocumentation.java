package org.clinic.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 document of {@code /api/v1} ({@code /api/openapi}, shown by Swagger UI at {@code /api/docs}): how to
 * authenticate, the problem document every error is, and which errors each call can answer, so a partner developer
 * can integrate from the document alone.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "apiToken";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Bean
    OpenAPI clinicApi() {
        return new OpenAPI()
                .info(new Info().title("Clinic API").version("v1").description("""
                        The clinic's REST API for integration accounts (lab systems, SMS gateways, billing, dashboards).

                        **Authentication.** An administrator creates an API token under *API tokens* and gives you \
                        its secret once. Send it on every call: `Authorization: Bearer clinic_…`. A token acts with \
                        one role: *reception* (patients, booking, check-in, queues) or *doctor* (that doctor's day, \
                        queue and patients). No cookies, no sessions.

                        **Rate limit.** 120 calls a minute per token by default; over it, 429 with `Retry-After`.

                        **Errors** are RFC 9457 problem documents (`application/problem+json`): `type` names the \
                        kind of problem, `detail` says what to do, and a rule violation (422) lists the fields in \
                        `errors`. 400 malformed request, 401 token missing/unknown/revoked/expired, 403 not for this \
                        token's role, 404 unknown id, 409 conflict (slot taken, day full, already checked in, changed \
                        meanwhile), 413 body over 64 KB, 422 rule violated, 429 too many calls.

                        **Ids** are UUIDs; dates `yyyy-MM-dd`, times `HH:mm` in the clinic's time zone, instants UTC."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The API token's secret, clinic_…"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the problem answers each call may give, and Retry-After on 429. */
    @Bean
    OpenApiCustomizer documentedProblems() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("400", "Malformed request: not JSON, a wrong type, an unknown field, an impossible date, not a"
                    + " UUID");
            errors.put("401", "No API token, or one that is unknown, revoked or expired");
            errors.put("403", "This token's role may not do this");
            if (path.contains("{")) {
                errors.put("404", "No such patient, doctor or appointment");
            }
            if (method != PathItem.HttpMethod.GET) {
                errors.put("409", "Conflict with what happened meanwhile: slot taken, day full, already checked in,"
                        + " changed by someone else, possible duplicate patient");
                errors.put("413", "Request body over 64 KB");
                errors.put("422", "A rule refused the request; errors lists the fields");
            }
            errors.put("429", "Too many calls with this token");
            errors.forEach((status, description) -> add(operation, status, description));
            }));
        };
    }

    private static void add(Operation operation, String status, String description) {
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))
                        .example(example(status, description))));
        if ("429".equals(status)) {
            response.addHeaderObject("Retry-After", new Header().description("seconds until a call is allowed again")
                    .schema(new IntegerSchema()));
        }
        if ("401".equals(status)) {
            response.addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema()
                    .example(ProblemResponses.BEARER_CHALLENGE)));
        }
        operation.getResponses().putIfAbsent(status, response);
    }

    private static Map<String, Object> example(String status, String description) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemTypes.BASE + switch (status) {
            case "400" -> "malformed-request";
            case "401" -> "unauthorized";
            case "403" -> "forbidden";
            case "404" -> "not-found";
            case "409" -> "conflict";
            case "413" -> "body-too-large";
            case "422" -> "rule-violated";
            default -> "rate-limited";
        });
        example.put("title", description.split(":")[0]);
        example.put("status", Integer.parseInt(status));
        example.put("detail", "422".equals(status) ? "Appointments can only be booked in the future" : description);
        example.put("instance", "/api/v1/appointments");
        if ("422".equals(status)) {
            example.put("errors", List.of(Map.of("field", "start",
                    "message", "Appointments can only be booked in the future")));
        }
        return example;
    }

    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("the request field, empty for the whole request"));
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem document");
        problem.addProperty("type", new StringSchema().format("uri").description("the kind of problem"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("what went wrong, for a person"));
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(error).description("422: the fields a rule refused"));
        problem.addProperty("nextFreeSlots", new ArraySchema().items(new ObjectSchema()).description(
                "409 slot taken: free slots after the one asked for"));
        problem.addProperty("retryAfterSeconds", new IntegerSchema().description("429: when to try again"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
