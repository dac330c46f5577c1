package org.clinic.base.operations;

import org.clinic.base.EmbeddedMariaDb;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away: the node says it is not ready (the load balancer stops sending it people) but alive (it
 * must not be restarted for it), and ready again by itself once the database is back. It stops and restarts the
 * JVM's shared MariaDB as DatabaseOutageTest does, and always leaves it running for the other tests.
 */
@OperationsContext
class ReadinessOutageTest {

    private static final long WAIT_NANOS = 60_000_000_000L;

    @LocalServerPort
    int port;

    @Test
    void readiness_goes_down_with_the_database_and_up_again_by_itself_while_liveness_stays_up() throws Exception {
        Operator operator = new Operator(port);
        assertThat(operator.anonymous("/actuator/health/readiness").statusCode()).isEqualTo(200);
        EmbeddedMariaDb database = EmbeddedMariaDb.running();
        List<Integer> livenessWhileDown = new ArrayList<>();

        database.stop();
        try {
            HttpResponse<String> down = await(operator, 503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"");
            livenessWhileDown.add(operator.anonymous("/actuator/health/liveness").statusCode());
            assertThat(operator.anonymous("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        } finally {
            database.restart();
        }

        HttpResponse<String> up = await(operator, 200);
        assertThat(up.body()).contains("\"status\":\"UP\"");
        assertThat(livenessWhileDown).containsOnly(200);
    }

    /** Asks readiness, as a load balancer does, until it answers with the given status. */
    private static HttpResponse<String> await(Operator operator, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        HttpResponse<String> response = operator.anonymous("/actuator/health/readiness");
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = operator.anonymous("/actuator/health/readiness");
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }
}
