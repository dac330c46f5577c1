package org.clinic.queue.ui;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.clinic.queue.DisplayBoard;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The display's call panels, "Now calling" and "Recently called". Like {@link WaitingTokens} they change in place:
 * a call changes a few texts, it does not build the panels again, so the push each display gets stays small.
 */
final class DisplayCalls {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private DisplayCalls() {
    }

    static void showText(HasText element, String text) {
        if (!text.equals(element.getText())) {
            element.setText(text);
        }
    }

    static String roomLabel(String room) {
        return room.isBlank() ? "" : "Room " + room;
    }

    /** The call being made now, in very large type; a welcome while nobody has been called. */
    static final class Now extends Div {
        private final Div label = new Div();
        private final Div idleText = new Div("Please take a seat. Your token appears here when it is your turn.");
        private final Div line = new Div();
        private final Span token = new Span();
        private final Span room = new Span();
        private final Div initials = new Div();

        Now() {
            setId("now-calling");
            addClassName("wr-now");
            label.addClassName("wr-now-label");
            idleText.addClassName("wr-now-idle-text");
            token.setId("now-token");
            token.addClassName("wr-now-token");
            Span arrow = new Span("→");
            arrow.addClassName("wr-now-arrow");
            arrow.getElement().setAttribute("aria-hidden", "true");
            room.setId("now-room");
            room.addClassName("wr-now-room");
            line.add(token, arrow, room);
            line.addClassName("wr-now-line");
            initials.addClassName("wr-now-initials");
            add(label, idleText, line, initials);
        }

        void show(DisplayBoard.@Nullable Call call) {
            getElement().setAttribute("data-call", call == null ? "" : Long.toString(call.id()));
            setClassName("wr-now-idle", call == null);
            idleText.setVisible(call == null);
            line.setVisible(call != null);
            if (call == null) {
                showText(label, "Welcome");
                initials.setVisible(false);
                return;
            }
            showText(label, call.recall() ? "Calling again" : "Now calling");
            showText(token, call.token());
            showText(room, roomLabel(call.room()));
            boolean named = call.initials() != null && !call.initials().isBlank();
            initials.setVisible(named);
            showText(initials, named ? call.initials() : "");
        }
    }

    /**
     * The last few calls before the one shown large, each token once: the token and the room in type read from
     * across the room, the time (and initials, when shown) small beside them; the small part gives way first, the
     * token never does.
     */
    static final class Recent extends Div {
        private final Div none = new Div("No earlier calls today");
        private final List<Row> rows = new ArrayList<>();
        private final ZoneId zone;

        Recent(ZoneId zone, int size) {
            this.zone = zone;
            setId("recent-calls");
            addClassName("wr-recent");
            Div heading = new Div("Recently called");
            heading.addClassName("wr-heading");
            none.addClassName("wr-empty");
            add(heading, none);
            for (int i = 0; i < size; i++) {
                Row row = new Row();
                add(row);
                rows.add(row);
            }
        }

        void show(List<DisplayBoard.Call> calls) {
            Set<String> seen = new LinkedHashSet<>();
            if (!calls.isEmpty()) {
                seen.add(calls.getFirst().token()); // already in large type above
            }
            int shown = 0;
            for (DisplayBoard.Call call : calls) {
                if (shown == rows.size()) {
                    break;
                }
                if (!seen.add(call.token())) {
                    continue; // a recall repeats a token: list each once
                }
                rows.get(shown++).show(call, call.at().atZone(zone).format(TIME));
            }
            for (int i = shown; i < rows.size(); i++) {
                rows.get(i).setVisible(false);
            }
            none.setVisible(shown == 0);
        }
    }

    /** One earlier call: token → room in large type, the time (and initials, when shown) small under the room. */
    private static final class Row extends Div {
        private final Span token = new Span();
        private final Span arrow = new Span("→");
        private final Span room = new Span();
        private final Span at = new Span();
        private final Span initials = new Span();

        Row() {
            addClassName("wr-recent-row");
            token.addClassName("wr-recent-token");
            arrow.addClassName("wr-recent-arrow");
            arrow.getElement().setAttribute("aria-hidden", "true");
            room.addClassName("wr-recent-room");
            Div where = new Div(arrow, room);
            where.addClassName("wr-recent-where");
            at.addClassName("wr-recent-time");
            initials.addClassName("wr-recent-initials");
            Div meta = new Div(at, initials);
            meta.addClassName("wr-recent-meta");
            add(token, where, meta);
            setVisible(false);
        }

        void show(DisplayBoard.Call call, String time) {
            showText(token, call.token());
            arrow.setVisible(!call.room().isBlank());
            showText(room, call.room()); // "B-014 → 12B": the arrow says room, as on the call above
            showText(at, time);
            initials.setVisible(call.initials() != null);
            showText(initials, call.initials() == null ? "" : call.initials());
            setVisible(true);
        }
    }
}
