package org.clinic.journey;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/**
 * Accessibility checks with axe-core inside a real browser page: call {@link #assertNoSeriousViolations(Page, String)}
 * once the page shows the state to check (it checks what is in the DOM then, shadow roots included). Runs axe's
 * default rule set (WCAG 2.0/2.1/2.2 A and AA plus best practices) and fails on every violation axe rates serious or
 * critical, naming rule, impact, element and what to do; milder findings are written to target/axe/ only. Vaadin's
 * development-mode tools are left out (production pages do not have them).
 * <p>
 * axe is injected through Playwright's {@code evaluate}, which the DevTools protocol runs outside the page's
 * Content-Security-Policy, so the journeys' CSP check stays at zero.
 */
public final class Axe {

    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final Path REPORTS = Path.of("target", "axe");
    /**
     * Vaadin's development-mode overlays (Copilot's unlabelled radio buttons among them): tests run in development
     * mode, production pages never carry them. Dropped from the results by the element's outermost host (axe's own
     * {@code exclude} option, given these element names, still reported them here).
     */
    private static final List<String> DEVELOPMENT_TOOLS = List.of("copilot-main", "vaadin-dev-tools");

    private Axe() {
    }

    /**
     * Runs axe on the page as it is now and fails if it finds anything serious or critical. {@code name} names the
     * page and state in the message and in the report file (target/axe/&lt;name&gt;.txt), e.g. "visit-called-375".
     */
    public static void assertNoSeriousViolations(Page page, String name) {
        AxeResults results = new AxeBuilder(page).analyze();
        if (results.getErrorMessage() != null && !results.getErrorMessage().isBlank()) {
            fail("axe could not check " + name + ": " + results.getErrorMessage());
        }
        List<Rule> violations = withoutDevelopmentTools(results.getViolations());
        write(name, violations);
        List<Rule> failing = violations.stream().filter(rule -> FAILING.contains(rule.getImpact())).toList();
        if (!failing.isEmpty()) {
            fail("axe found " + failing.size() + " serious or critical accessibility violation(s) on " + name + " ("
                    + page.url() + "):\n" + describe(failing));
        }
    }

    private static List<Rule> withoutDevelopmentTools(List<Rule> violations) {
        List<Rule> kept = new java.util.ArrayList<>();
        for (Rule rule : violations) {
            List<CheckedNode> nodes = rule.getNodes().stream().filter(node -> !DEVELOPMENT_TOOLS.contains(host(node)))
                    .toList();
            if (!nodes.isEmpty()) {
                rule.setNodes(nodes);
                kept.add(rule);
            }
        }
        return kept;
    }

    /** The outermost element of a node's selector path ({@code [host, inner]} inside a shadow root). */
    private static String host(CheckedNode node) {
        Object target = node.getTarget();
        while (target instanceof List<?> path && !path.isEmpty()) {
            target = path.getFirst();
        }
        return String.valueOf(target);
    }

    /** One rule per paragraph: id, impact, help text, then each element's selector and what axe says to fix. */
    static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp()
                + " (" + rule.getHelpUrl() + ")\n" + rule.getNodes().stream().map(Axe::node)
                .collect(Collectors.joining("\n"))).collect(Collectors.joining("\n"));
    }

    private static String node(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' ');
        return "    at " + node.getTarget() + ": " + summary;
    }

    private static void write(String name, List<Rule> violations) {
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt"),
                    violations.isEmpty() ? "no violations\n" : describe(violations) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the report is a convenience; the assertion above is what counts
        }
    }
}
