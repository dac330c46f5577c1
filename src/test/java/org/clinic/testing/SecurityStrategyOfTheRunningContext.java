package org.clinic.testing;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin points the JVM-wide {@link SecurityContextHolder} at its own strategy bean when an application context
 * starts. The test JVM holds two cached contexts (the browserless one and the journeys' real server), so whichever
 * started last would win for every test after it: {@code @WithMockUser} would write to one strategy while views and
 * {@code SystemAuthentication} read another. Before each test class and method this points the holder back at the
 * strategy of the context that test runs in, so test order no longer matters.
 */
public class SecurityStrategyOfTheRunningContext implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 500; // before Spring Security's WithSecurityContextTestExecutionListener and the test's own set-up
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        usedBy(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        usedBy(testContext);
    }

    private static void usedBy(TestContext testContext) {
        SecurityContextHolderStrategy strategy = testContext.getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class).getIfUnique();
        if (strategy != null && SecurityContextHolder.getContextHolderStrategy() != strategy) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
