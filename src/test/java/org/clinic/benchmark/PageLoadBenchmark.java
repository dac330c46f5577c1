package org.clinic.benchmark;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinic.benchmark.BenchmarkRecord.latencies;

/**
 * Each screen's first load in headless Chromium, as the person in front of it gets it: the demo clinic (the same data
 * {@code spring-boot:run} seeds, on a fresh embedded MariaDB), each role signed in once, then every screen loaded
 * {@value #LOADS} times in a new browser context (empty cache, only the session cookie: the first load of the day) and
 * {@value #LOADS} times again in the same context (cached scripts: a reload). A load ends when the screen's own element
 * is visible and Vaadin has no request in flight (what TestBench waits for). In the same run, the floor: a static file
 * (the health endpoint) served by the same Tomcat, loaded the same way. And the keystroke → grid figure: a term typed into the registry's
 * search until the first row shows a match (the field waits 50 ms after the last key before asking; that wait is
 * part of the figure, as the receptionist sees it).
 * <p>
 * Run it in production mode, the mode staff get:
 * {@code ./mvnw -Pproduction,benchmark clean verify -Dtest=PageLoadBenchmark} ({@code clean} because the production
 * frontend build leaves production-mode flags in target/classes that a later development run must not pick up). Run
 * without {@code -Pproduction} it still works and says "development mode" in the record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "clinic.demo.enabled=true", "clinic.embedded-db.data-dir=target/page-load-mariadb",
        "clinic.embedded-db.fresh=true", "vaadin.devmode.componentTracker.enabled=false"})
@ActiveProfiles("dev")
class PageLoadBenchmark {

    private static final int LOADS = Integer.getInteger("benchmark.loads", 5);
    private static final String PASSWORD = "clinic-demo";
    /** The demo patient's portal account (DemoPortalAccount); the portal is measured on a phone-sized window. */
    private static final String PORTAL = "portal.demo@example.org";
    /** Vaadin's own "is anything in flight" check, as TestBench's waitForVaadin uses it. */
    private static final String VAADIN_IDLE = "() => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
            + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())";

    /**
     * Custom elements on the page that no script has defined: a component whose code is in no chunk the screen loaded
     * (the production bundle loads each screen's components with the screen). Empty when all is well. Two tags are
     * plain elements by design: the grid's cell wrappers and Flow's own root container.
     */
    private static final String UNDEFINED_ELEMENTS = "() => [...new Set([...document.querySelectorAll('*')]"
            + ".map(e => e.localName).filter(n => n.includes('-') && !customElements.get(n)"
            + " && n !== 'vaadin-grid-cell-content' && !n.startsWith('flow-container-')))].join(', ')";

    /** The routed view inside the staff layout, once rendered. */
    private static final String VIEW = "vaadin-app-layout > :not([slot])";

    /** The registry grid's row count and everything it shows, as one text: it changes when the results do. */
    private static final String GRID_TEXT = "() => { const g = document.querySelector('#patient-results');"
            + " return g.size + '|' + [...g.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent).join('|'); }";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    record Screen(String who, String path, String ready) {
    }

    @Test
    void every_screen_loads_within_a_second() {
        assertThat(Chromium.available()).as("Chromium at " + Chromium.PATH).isTrue();
        String patient = jdbc.sql("SELECT public_id FROM patient WHERE status = 'ACTIVE' ORDER BY id LIMIT 1")
                .query(String.class).single();
        String doctor = jdbc.sql("SELECT public_id FROM doctor WHERE staff_username = 'dr.chen'")
                .query(String.class).single();
        List<Screen> screens = List.of(
                new Screen(null, "login", "vaadin-login-form"),
                new Screen("reception", "patients", "#patient-results"),
                new Screen("reception", "patients/" + patient, "#patient-name"),
                new Screen("reception", "patients/new", VIEW),
                new Screen("reception", "appointments/book", VIEW),
                new Screen("reception", "appointments", VIEW),
                new Screen("reception", "appointments/day/" + doctor, VIEW),
                new Screen("reception", "queue", "#queue-boards"),
                new Screen("dr.chen", "my-queue", "#queue-summary"),
                new Screen("admin", "dashboard", "#dashboard-doctors"),
                new Screen("admin", "reports", VIEW),
                new Screen("admin", "admin/staff", VIEW),
                new Screen("admin", "admin/doctors", VIEW),
                new Screen("display", "display", "#waiting-room-display .wr-title"),
                new Screen(PORTAL, "portal/home", "#greeting"));
        List<String> record = new ArrayList<>();
        record.add("mode: " + mode() + "; data: the demo clinic ("
                + jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single() + " patients, "
                + jdbc.sql("SELECT COUNT(*) FROM appointment").query(Long.class).single() + " appointments)");
        record.add("load: `page.navigate` until the screen's element is visible and no Vaadin request is in flight;"
                + " first = new browser context (empty cache, session cookie only), again = same context, cached;"
                + " 1366x768; server and browser share the 2 cores");
        List<Long> allFirst = new ArrayList<>();
        try (Playwright playwright = Chromium.playwright()) {
            Browser browser = Chromium.launch(playwright);
            record.add("floor, a small file from the same server without Vaadin: " + floor(browser));
            for (Screen screen : screens) {
                List<Cookie> session = screen.who() == null ? List.of() : signIn(browser, screen.who());
                List<Long> first = new ArrayList<>();
                List<Long> again = new ArrayList<>();
                for (int i = 0; i < LOADS; i++) {
                    try (BrowserContext context = context(browser, session, PORTAL.equals(screen.who()))) {
                        Page page = context.newPage();
                        first.add(load(page, screen));
                        again.add(load(page, screen));
                    }
                }
                allFirst.addAll(first);
                record.add(String.format("%s (%s): first %s; again %s", screen.path().replaceAll("/[0-9a-f-]{36}", "/<id>"),
                        screen.who() == null ? "not signed in" : screen.who(), latencies(first), latencies(again)));
            }
            record.add("patient search, keystroke → first row matching in the grid (reception, /patients): "
                    + keystrokes(browser));
            browser.close();
        }
        record.add("target (PERFORMANCE.md): each screen's first load ≤ 1 s in production mode; keystroke → grid ≤ 100 ms");
        BenchmarkRecord.append("Screens' first load in Chromium",
                "./mvnw -Pproduction,benchmark clean verify -Dtest=PageLoadBenchmark", record);
        assertThat(allFirst).hasSize(screens.size() * LOADS);
    }

    private long load(Page page, Screen screen) {
        long start = System.nanoTime();
        page.navigate(url(screen.path()));
        try {
            page.locator(screen.ready()).first().waitFor();
        } catch (RuntimeException notThere) {
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/page-load-"
                    + screen.path().replace('/', '-') + ".png")));
            throw new IllegalStateException(screen.path() + " never showed " + screen.ready() + " (at " + page.url()
                    + ")", notThere);
        }
        page.waitForFunction(VAADIN_IDLE);
        long took = System.nanoTime() - start;
        Object missing = page.evaluate(UNDEFINED_ELEMENTS);
        if (!"".equals(missing)) { // a fast screen whose components never loaded is not a loaded screen
            throw new IllegalStateException(screen.path() + " shows elements whose script never loaded: " + missing);
        }
        return took;
    }

    private String floor(Browser browser) {
        List<Long> loads = new ArrayList<>();
        String path = "actuator/health"; // Spring MVC and Tomcat, no Vaadin
        try (BrowserContext context = context(browser, List.of())) {
            Page page = context.newPage();
            for (int i = 0; i < LOADS * 2; i++) {
                long start = System.nanoTime();
                page.navigate(url(path));
                loads.add(System.nanoTime() - start);
            }
        }
        return path + ": " + latencies(loads);
    }

    private String keystrokes(Browser browser) {
        List<String> terms = jdbc.sql("SELECT family_name FROM patient WHERE status = 'ACTIVE' ORDER BY id LIMIT 300")
                .query(String.class).list().stream().map(name -> name.substring(0, Math.min(4, name.length())))
                .filter(term -> term.length() == 4 && matches(term) <= 20
                        && matches(term) != matches(term.substring(0, 3))).distinct().limit(10)
                .toList();
        List<Long> delays = new ArrayList<>();
        try (BrowserContext context = context(browser, signIn(browser, "reception"))) {
            Page page = context.newPage();
            page.navigate(url("patients"));
            page.locator("#patient-results").waitFor();
            page.waitForFunction(VAADIN_IDLE);
            for (int round = 0; round < 2; round++) {
                for (String term : terms) {
                    page.locator("#patient-search input").fill(term.substring(0, term.length() - 1));
                    page.waitForFunction(VAADIN_IDLE);
                    page.waitForTimeout(300);
                    page.waitForFunction(VAADIN_IDLE);
                    Object before = page.evaluate(GRID_TEXT);
                    long start = System.nanoTime();
                    page.locator("#patient-search input").pressSequentially(term.substring(term.length() - 1));
                    page.waitForFunction("([t, before]) => { const now = (" + GRID_TEXT + ")();"
                            + " return now !== before && now.toLowerCase().includes(t.toLowerCase()); }",
                            List.of(term, before));
                    if (round > 0) {
                        delays.add(System.nanoTime() - start);
                    }
                }
            }
        }
        return latencies(delays) + " (family-name prefixes of 4 letters that list fewer patients than their first 3, the 4th letter typed until the grid's rows change; second pass)";
    }

    /** Patients whose given or family name starts with the prefix: what the grid lists for it. */
    private long matches(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM patient WHERE family_name LIKE ? OR given_name LIKE ?")
                .params(prefix + "%", prefix + "%").query(Long.class).single();
    }

    private List<Cookie> signIn(Browser browser, String username) {
        try (BrowserContext context = context(browser, List.of())) {
            Page page = context.newPage();
            page.navigate(url(PORTAL.equals(username) ? "portal" : "login"));
            page.locator("vaadin-login-form input[name=username]").fill(username);
            page.locator("vaadin-login-form input[name=password]").fill(PASSWORD);
            page.locator("vaadin-login-form input[name=password]").press("Enter");
            page.waitForURL(address -> !address.contains("/login") && !address.endsWith("/portal"));
            page.waitForFunction(VAADIN_IDLE);
            return context.cookies();
        }
    }

    private static BrowserContext context(Browser browser, List<Cookie> cookies) {
        return context(browser, cookies, false);
    }

    private static BrowserContext context(Browser browser, List<Cookie> cookies, boolean phone) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(phone ? 375 : 1366, phone ? 812 : 768));
        context.setDefaultTimeout(30_000);
        if (!cookies.isEmpty()) {
            context.addCookies(cookies);
        }
        return context;
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** What the frontend build left for Vaadin: production mode only after {@code -Pproduction}. */
    private static String mode() {
        try (InputStream in = PageLoadBenchmark.class.getResourceAsStream("/META-INF/VAADIN/config/flow-build-info.json")) {
            String info = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return info.replaceAll("\\s", "").contains("\"productionMode\":true") ? "production"
                    : "development (run with -Pproduction for the figures that count)";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
