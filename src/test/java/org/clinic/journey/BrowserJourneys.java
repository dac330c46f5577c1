package org.clinic.journey;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for the few things only a real browser shows (push between screens, sign-in). Uses the
 * system's Chromium; without one the journeys are skipped, unless CLINIC_REQUIRE_BROWSER=1 (CI) makes that an
 * error.
 */
final class BrowserJourneys implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CLINIC_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;
    /** Every Content-Security-Policy violation any page of any context reported, as "directive blocked-uri". */
    private final List<String> cspViolations = Collections.synchronizedList(new ArrayList<>());

    private BrowserJourneys(String baseUrl) {
        this.baseUrl = baseUrl;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    static BrowserJourneys start(int port) {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("1".equals(System.getenv("CLINIC_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("Chromium is required but missing at " + CHROMIUM);
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + ": install the chromium package to run browser journeys");
        }
        return new BrowserJourneys("http://localhost:" + port);
    }

    /** A new browser context (its own cookies, so its own Vaadin session), signed in as the given user. */
    Page signIn(String username, String password) {
        return signIn(username, password, 1366, 820);
    }

    /** As {@link #signIn(String, String)}, in a window of the given size (a waiting-room TV is 1920x1080). */
    Page signIn(String username, String password, int width, int height) {
        return signIn(context(width, height).newPage(), username, password);
    }

    /** Signs in on a page the test prepared (e.g. with routes set up before the first request). */
    Page signIn(Page page, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(username);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form input[name=password]").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        // the first screen has loaded: with a test database of hundreds of doctors a dashboard takes a few seconds
        page.waitForFunction("() => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        return page;
    }

    /** A new browser context and page, not signed in. */
    Page newPage(int width, int height) {
        return context(width, height).newPage();
    }

    /** The CSP violations reported so far; the journeys expect none. */
    List<String> cspViolations() {
        synchronized (cspViolations) {
            return List.copyOf(cspViolations);
        }
    }

    /** Drops violations a test provoked on purpose. */
    void forgetCspViolations(List<String> provoked) {
        cspViolations.removeAll(List.copyOf(provoked));
    }

    /** A browser context whose pages report every Content-Security-Policy violation to this test. */
    private BrowserContext context(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.setDefaultTimeout(20_000);
        context.exposeBinding("__clinicCspViolation", (source, args) -> {
            cspViolations.add(args[0] + " (" + source.page().url() + ")");
            return null;
        });
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                + "window.__clinicCspViolation(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));");
        return context;
    }

    String url(String path) {
        return baseUrl + "/" + path;
    }

    /** Every open page as a screenshot under target/screenshots/failed-<name>-<n>.png: what the journey saw last. */
    void screenshotOpenPages(String name) {
        int n = 0;
        for (BrowserContext context : browser.contexts()) {
            for (Page page : context.pages()) {
                try {
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Path.of("target/screenshots/failed-" + name + "-" + (++n) + ".png")));
                } catch (RuntimeException closing) {
                    // a page that is going away has nothing left to show
                }
            }
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
