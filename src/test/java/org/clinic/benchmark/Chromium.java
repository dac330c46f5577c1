package org.clinic.benchmark;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The system's headless Chromium for the few real browsers a benchmark runs next to its synthetic screens. */
final class Chromium {

    static final Path PATH = Path.of(System.getenv().getOrDefault("CLINIC_CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {
    }

    static boolean available() {
        return Files.isExecutable(PATH);
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(PATH)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }
}
