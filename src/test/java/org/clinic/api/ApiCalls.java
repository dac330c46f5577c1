package org.clinic.api;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP calls to the running server's API, as an integration sends them (no cookies kept). */
final class ApiCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** An answer: status, headers and the body (parsed when JSON). */
    record Answer(int status, HttpResponse<String> raw) {

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    private final String base;
    private final @Nullable String token;

    ApiCalls(int port, @Nullable String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    ApiCalls as(@Nullable String otherToken) {
        return new ApiCalls(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, @Nullable String body) {
        return post(path, body, Map.of());
    }

    Answer post(String path, @Nullable String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    Answer put(String path, String body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
