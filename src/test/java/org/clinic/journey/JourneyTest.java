package org.clinic.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real-browser journey against the running app on a random port; one headless Chromium per test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JourneyTest {

    @LocalServerPort
    int port;

    BrowserJourneys browsers;

    @BeforeAll
    void start_browser() {
        browsers = BrowserJourneys.start(port);
    }

    @AfterAll
    void stop_browser() {
        if (browsers != null) {
            browsers.close();
        }
    }
}
