package org.clinic.base.ui;

import com.vaadin.flow.server.VaadinSession;

import java.util.function.BooleanSupplier;

/** For browserless tests of live screens. */
public final class LiveScreens {

    private LiveScreens() {
    }

    /** Live updates arrive on another thread through UI.access; runs queued access tasks until the check holds. */
    public static void awaitLiveUpdate(BooleanSupplier check) throws InterruptedException {
        VaadinSession session = VaadinSession.getCurrent();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            session.getService().runPendingAccessTasks(session);
            try {
                if (check.getAsBoolean()) {
                    return;
                }
            } catch (java.util.NoSuchElementException notShownYet) {
                // a query for a visible component fails until the update has made it visible
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The screen did not update within 5 s");
    }
}
