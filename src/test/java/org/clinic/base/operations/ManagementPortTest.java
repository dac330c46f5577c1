package org.clinic.base.operations;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a management port (MANAGEMENT_SERVER_PORT), the actuator lives there and is open to whoever reaches that
 * port (the operators' network), Prometheus included without credentials; the clinic's own port has none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "management.server.address=127.0.0.1"})
class ManagementPortTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void the_management_port_serves_the_actuator_without_credentials_and_the_main_port_none_of_it() throws Exception {
        Operator management = new Operator(managementPort);
        Operator main = new Operator(port);
        for (String open : List.of("/actuator/health/readiness", "/actuator/info", "/actuator/prometheus",
                "/actuator/metrics")) {
            assertThat(management.anonymous(open).statusCode()).as(open).isEqualTo(200);
            assertThat(main.anonymous(open).statusCode()).as(open).isEqualTo(401);
        }
        assertThat(management.anonymous("/actuator/prometheus").body()).contains("clinic_bookings_total");
        for (String closed : List.of("/actuator/env", "/actuator/beans", "/anything")) {
            assertThat(management.anonymous(closed).statusCode()).as(closed).isEqualTo(401);
        }
    }
}
