package org.clinic.base.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** One node, the default: no Redis anywhere, health says so, and the actuator shows health and nothing else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the journeys' cached server
class SingleNodeTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    LiveBusHealth health;

    @Test
    void without_a_redis_url_nothing_of_redis_exists_and_health_says_single_node() {
        assertThat(context.getBeanNamesForType(LiveBus.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
        Health bus = health.health();
        assertThat(bus.getStatus()).isEqualTo(Status.UP);
        assertThat(bus.getDetails()).containsEntry("mode", "single node");
    }

    @Test
    void anyone_gets_the_status_of_health_and_nothing_else_of_the_actuator() throws Exception {
        HttpResponse<String> status = get("/actuator/health");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"UP\"").doesNotContain("liveBus").doesNotContain("single node");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        for (String closed : new String[]{"/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics",
                "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers"}) {
            HttpResponse<String> response = get(closed);
            assertThat(response.statusCode()).as(closed).isNotEqualTo(200);
            assertThat(response.body()).as(closed).doesNotContain("\"_links\"").doesNotContain("propertySources");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
