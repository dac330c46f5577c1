package org.clinic.queue.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.clinic.queue.DisplayBoard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The display's "Waiting" panel: tokens grouped by room, each room's next tokens in type read from across the room
 * (at least 80 px on a 1920 x 1080 TV), and how many wait for that room. A room shows as many whole tokens as its
 * lines hold (the fewer rooms, the more lines each); the rest are counted, never cut off. It changes in place: a
 * token that joins adds one chip, a call shifts the chips' texts; the elements themselves stay, so each change sends the browser only what changed.
 * Hundreds of displays show the same board, and every one of them gets this update.
 */
final class WaitingTokens extends Div {

    private final Div heading = new Div();
    private final Div empty = new Div("Nobody is waiting");
    private final Div groups = new Div();
    private final List<Group> shown = new ArrayList<>();
    private List<String> rooms = List.of();
    private boolean labelled;

    WaitingTokens() {
        setId("waiting-tokens");
        addClassName("wr-waiting");
        heading.addClassName("wr-heading");
        empty.addClassName("wr-empty");
        groups.addClassName("wr-groups");
        add(heading, empty, groups);
    }

    /** Lines of tokens the panel holds at the display's type size, shared among the rooms shown. */
    static final int LINES = 5;

    /** Shows the waiting tokens; a one-doctor display names the room only when there are several. */
    void show(List<DisplayBoard.Waiting> tokens, boolean doctorDisplay) {
        DisplayCalls.showText(heading, "Waiting" + (tokens.isEmpty() ? "" : " (" + tokens.size() + ")"));
        empty.setVisible(tokens.isEmpty());
        Map<String, List<DisplayBoard.Waiting>> byRoom = new LinkedHashMap<>();
        tokens.forEach(w -> byRoom.computeIfAbsent(w.room(), r -> new ArrayList<>()).add(w));
        List<String> order = byRoom.keySet().stream()
                .sorted(Comparator.comparing(String::isEmpty).thenComparing(r -> r)).toList();
        boolean label = !doctorDisplay || order.size() > 1;
        if (!order.equals(rooms) || label != labelled) {
            groups.removeAll();
            shown.clear();
            order.forEach(room -> {
                Group group = new Group(room, label);
                shown.add(group);
                groups.add(group.row);
            });
            rooms = order;
            labelled = label;
            // More rooms than lines: two columns of rooms, a line each.
            groups.getElement().setAttribute("data-columns", order.size() > LINES ? "2" : "1");
            groups.getElement().setAttribute("data-lines", Integer.toString(
                    Math.max(1, Math.min(4, LINES / Math.max(1, order.size())))));
        }
        for (int i = 0; i < order.size(); i++) {
            shown.get(i).show(byRoom.get(order.get(i)));
        }
    }

    /** One room's row: its label with how many wait, and its first {@link WaitingRoomDisplayView#WAITING_PER_GROUP}. */
    private static final class Group {
        final Div row = new Div();
        final Div chips = new Div();
        final Span count = new Span();

        Group(String room, boolean labelled) {
            row.addClassName("wr-group");
            Div label = new Div();
            label.addClassName("wr-group-label");
            if (labelled) {
                Span name = new Span(room.isEmpty() ? "Next free room" : "Room " + room);
                name.addClassName("wr-group-room");
                label.add(name);
            }
            count.addClassName("wr-group-count");
            label.add(count);
            chips.addClassName("wr-chips");
            if (labelled) {
                row.add(label, chips);
            } else { // one room only: the heading's count says it all, and the tokens take the whole width
                row.addClassName("wr-group-alone");
                row.add(chips);
            }
        }

        void show(List<DisplayBoard.Waiting> tokens) {
            int count = Math.min(tokens.size(), WaitingRoomDisplayView.WAITING_PER_GROUP);
            int existing = chips.getComponentCount();
            for (int i = 0; i < count; i++) {
                DisplayBoard.Waiting w = tokens.get(i);
                if (i < existing) {
                    ((Chip) chips.getComponentAt(i)).show(w);
                } else {
                    Chip chip = new Chip();
                    chip.show(w);
                    chips.add(chip);
                }
            }
            for (int i = existing - 1; i >= count; i--) {
                chips.remove(chips.getComponentAt(i));
            }
            DisplayCalls.showText(this.count, tokens.size() + " waiting");
        }
    }

    /** A waiting token; initials, when shown, in smaller type under it (they give way, the token never does). */
    private static final class Chip extends Div {
        private final Span token = new Span();
        private final Span initials = new Span();

        Chip() {
            addClassName("wr-chip");
            token.addClassName("wr-chip-token");
            initials.addClassName("wr-chip-initials");
            add(token, initials);
        }

        void show(DisplayBoard.Waiting waiting) {
            DisplayCalls.showText(token, waiting.token());
            initials.setVisible(waiting.initials() != null);
            DisplayCalls.showText(initials, waiting.initials() == null ? "" : waiting.initials());
        }
    }
}
