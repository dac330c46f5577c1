package org.clinic.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A self check-in kiosk checks a patient in through the front desk's own check-in service (the same window and
 * once-only rules), after it has verified the patient's code itself. Only a signed-in KIOSK account may do so; the
 * work runs with the front desk's role and is recorded under the kiosk's own account name.
 * <p>
 * The work runs on a thread of its own: on a screen's request thread the security context is always the one kept
 * in the Vaadin session (the kiosk's), whatever is set for the thread.
 */
public final class KioskActs {

    private static final ExecutorService FRONT_DESK = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("kiosk-check-in-", 0).factory());

    private KioskActs() {
    }

    public static <T> T asFrontDesk(Supplier<T> work) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated() || current.getAuthorities().stream()
                .noneMatch(a -> Role.KIOSK.authority().equals(a.getAuthority()))) {
            throw new AccessDeniedException("Only a check-in kiosk acts for the front desk");
        }
        String kiosk = current.getName();
        Future<T> done = FRONT_DESK.submit(() -> SystemAuthentication.runAs(kiosk, Role.RECEPTIONIST,
                List.of(Channels.KIOSK_AUTHORITY), work));
        try {
            return done.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking in", interrupted);
        }
    }
}
