package org.clinic.benchmark;

import org.clinic.security.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The screens a scenario opens on one line: waiting-room displays ({@code display}, signed in with DISPLAY
 * accounts; a third each showing the line's doctor, the benchmark's specialty and the whole clinic), reception
 * dashboards ({@code queue}) and doctors' queue screens ({@code my-queue?doctor=…}), both opened by receptionists.
 * Every one of them shows the line's walk-in tokens. Screens share accounts in turn; each has its own session.
 */
final class ScreenMix {

    /** What the views ask the browser for: the display polls every 15 s, the staff screens every 30 s. */
    private static final long DISPLAY_POLL_MILLIS = 15_000;
    private static final long STAFF_POLL_MILLIS = 30_000;

    private final List<SyntheticScreenFleet.Screen> screens = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final String description;

    ScreenMix(DeliveryRun run, QueueLine line, int displays, int dashboards, int doctorQueues) {
        List<String> devices = displays == 0 ? List.of() : run.accounts(Role.DISPLAY, Math.clamp(displays / 50, 1, 20));
        int staff = dashboards + doctorQueues;
        List<String> desks = staff == 0 ? List.of() : run.accounts(Role.RECEPTIONIST, Math.clamp(staff / 10, 1, 5));
        String doctor = "doctor=" + line.doctor.id();
        String specialty = "specialty=" + run.specialty().id();
        // Interleaved, so that screens of every kind open throughout the opening.
        int total = displays + staff;
        int d = 0;
        int q = 0;
        int m = 0;
        for (int i = 0; i < total; i++) {
            if (d < displays && (q + m >= staff || (long) d * total <= (long) i * displays)) {
                String user = devices.get(d % devices.size());
                switch (d % 3) {
                    case 0 -> add("display (doctor)", "display", doctor, user, DISPLAY_POLL_MILLIS);
                    case 1 -> add("display (specialty)", "display", specialty, user, DISPLAY_POLL_MILLIS);
                    default -> add("display (clinic)", "display", "", user, DISPLAY_POLL_MILLIS);
                }
                d++;
            } else if (q < dashboards && (m >= doctorQueues || q <= m)) {
                add("queue", "queue", "", desks.get((q + m) % desks.size()), STAFF_POLL_MILLIS);
                q++;
            } else {
                add("my-queue", "my-queue", doctor, desks.get((q + m) % desks.size()), STAFF_POLL_MILLIS);
                m++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (displays > 0) {
            parts.add(String.format("%,d waiting-room displays (`display`: a third each of one doctor, of the "
                    + "specialty, of the whole clinic; %s)", displays, count(devices.size(), "DISPLAY account")));
        }
        if (dashboards > 0) {
            parts.add(dashboards + " reception dashboards (`queue`)");
        }
        if (doctorQueues > 0) {
            parts.add(String.format("%,d doctor's queue screens (`my-queue?doctor=…`)", doctorQueues));
        }
        description = String.join(" + ", parts) + (staff > 0 ? " (staff screens: " + count(desks.size(),
                "receptionist account") + ")" : "") + ", each its own session";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private void add(String kind, String route, String query, String user, long poll) {
        screens.add(new SyntheticScreenFleet.Screen(route, query, user, poll));
        kinds.add(kind);
    }

    List<SyntheticScreenFleet.Screen> screens() {
        return screens;
    }

    String kind(int screen) {
        return kinds.get(screen);
    }

    String description() {
        return description;
    }
}
