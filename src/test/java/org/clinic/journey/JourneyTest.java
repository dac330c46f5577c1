package org.clinic.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A real-browser journey against the running app on a random port; one headless Chromium per test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JourneyTest {

    /** A failed journey leaves a screenshot of each of its open pages, to see what it saw. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (context.getRequiredTestInstance() instanceof JourneyTest journey && journey.browsers != null) {
                journey.browsers.screenshotOpenPages(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        }
    };

    @LocalServerPort
    int port;

    BrowserJourneys browsers;

    @BeforeAll
    void start_browser() {
        browsers = BrowserJourneys.start(port);
    }

    /** Every journey runs under the app's Content-Security-Policy and must not trip it once. */
    @AfterEach
    void no_content_security_policy_violations() {
        if (browsers != null) {
            assertThat(browsers.cspViolations()).as("Content-Security-Policy violations").isEmpty();
        }
    }

    @AfterAll
    void stop_browser() {
        if (browsers != null) {
            browsers.close();
        }
    }
}
