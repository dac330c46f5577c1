package org.clinic.visit.ui;

import java.time.Duration;

/** Words shared by the position page and the kiosk. */
final class VisitText {

    private VisitText() {
    }

    /** "about 25 minutes", rounded to five minutes above ten; "a few minutes" below five. */
    static String about(Duration wait) {
        long minutes = Math.max(0, wait.toMinutes());
        if (minutes < 5) {
            return "a few minutes";
        }
        if (minutes > 10) {
            minutes = Math.round(minutes / 5.0) * 5;
        }
        if (minutes >= 90) {
            long hours = minutes / 60;
            long rest = minutes % 60;
            return "about " + hours + " h" + (rest == 0 ? "" : " " + rest + " min");
        }
        return "about " + minutes + " minutes";
    }

    static String ahead(int ahead) {
        return ahead == 0 ? "You are next" : ahead == 1 ? "1 person ahead of you" : ahead + " people ahead of you";
    }
}
