package org.clinic.benchmark;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.clinic.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.clinic.benchmark.BenchmarkRecord.latencies;
import static org.clinic.benchmark.ServerProbe.sleep;

/**
 * The sanity check with real browsers: three headless Chromium pages, each its own receptionist session, showing one
 * doctor's queue ({@code my-queue?doctor=…}); a MutationObserver notes when the walk-in's token is in the DOM.
 * No floor here: the browsers' push connections cannot be pinged from outside.
 */
final class BrowserScenario implements DeliveryScenario {

    private static final int BROWSERS = 3;
    private static final int ROUNDS = 10;
    private static final int WAITING = 8;

    @Override
    public String name() {
        return "browsers";
    }

    @Override
    public List<String> properties() {
        return List.of();
    }

    @Override
    public String title() {
        return "real browsers";
    }

    @Override
    public Outcome run(DeliveryRun run) {
        if (!Chromium.available()) {
            return new Outcome(List.of(BROWSERS + " real browsers: skipped, no Chromium at " + Chromium.PATH), List.of());
        }
        QueueLine line = run.line(WAITING, ROUNDS + 1);
        List<String> users = run.accounts(Role.RECEPTIONIST, BROWSERS);
        String newest = line.walkIn(); // on screen once the page is built
        line.serveHead();
        List<Long> latencies = new ArrayList<>();
        int missed = 0;
        try (Playwright playwright = Chromium.playwright()) {
            Browser browser = Chromium.launch(playwright);
            List<Page> pages = new ArrayList<>();
            for (String user : users) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 820));
                context.setDefaultTimeout(30_000);
                Page page = context.newPage();
                page.navigate(run.url("login"));
                page.locator("vaadin-login-form input[name=username]").fill(user);
                page.locator("vaadin-login-form input[name=password]").fill(DeliveryRun.PASSWORD);
                page.locator("vaadin-login-form input[name=password]").press("Enter");
                page.waitForURL(u -> !u.contains("/login"));
                page.navigate(run.url("my-queue?doctor=" + line.doctor.id()));
                page.locator("#waiting").waitFor();
                page.getByText(newest).first().waitFor();
                page.evaluate("prefix => { window.__seen = {}; const re = new RegExp(prefix + '-\\\\d{3,}', 'g');"
                        + " const scan = () => { const now = Date.now();"
                        + " for (const t of (document.body.textContent.match(re) || [])) { if (!(t in window.__seen)) window.__seen[t] = now; } };"
                        + " scan(); new MutationObserver(scan).observe(document.body, {subtree: true, childList: true, characterData: true}); }",
                        newest.substring(0, newest.lastIndexOf('-')));
                pages.add(page);
            }
            FanOutSampler idle = new FanOutSampler();
            for (int round = 0; round < ROUNDS; round++) {
                String token = line.walkIn();
                long committedMillis = run.commits.lastMicros.get() / 1000;
                for (Page page : pages) {
                    try {
                        page.waitForFunction("t => window.__seen[t] !== undefined", token,
                                new Page.WaitForFunctionOptions().setTimeout(DeliveryRounds.DELIVERY_TIMEOUT_MILLIS));
                        long seen = ((Number) page.evaluate("t => window.__seen[t]", token)).longValue();
                        latencies.add((seen - committedMillis) * 1_000_000L);
                    } catch (RuntimeException timeout) {
                        missed++;
                    }
                }
                line.serveHead();
                idle.awaitIdle(TimeUnit.MINUTES.toMillis(1));
                sleep(DeliveryRounds.GAP_MILLIS);
            }
            idle.stop();
            browser.close();
        } finally {
            run.expireSessions();
            line.leave();
        }
        return new Outcome(List.of("scenario: " + BROWSERS + " real browsers (headless Chromium at 1366x820, one "
                + "context and receptionist session each) on one doctor's queue (`my-queue?doctor=…`, " + WAITING
                + " waiting); " + ROUNDS + " rounds as in the synthetic scenarios; arrival: a MutationObserver sees "
                + "the walk-in's token in the DOM (Date.now())", BROWSERS + " real browsers, " + ROUNDS + " rounds: "
                + latencies(latencies) + ", missed " + missed + " of " + BROWSERS * ROUNDS), List.of());
    }
}
