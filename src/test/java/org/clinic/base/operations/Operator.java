package org.clinic.base.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** What an operator's tools send: plain GETs, with or without the metrics account's HTTP Basic credentials. */
final class Operator {

    static final String USERNAME = "scraper";
    static final String PASSWORD = "a long random scrape password";

    private final int port;

    Operator(int port) {
        this.port = port;
    }

    HttpResponse<String> anonymous(String path) throws Exception {
        return send(request(path));
    }

    HttpResponse<String> withAccount(String path) throws Exception {
        return withCredentials(path, USERNAME, PASSWORD);
    }

    HttpResponse<String> withCredentials(String path, String username, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Authorization", "Basic " + basic));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
