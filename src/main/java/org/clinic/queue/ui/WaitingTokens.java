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
 * The display's "Waiting" panel: tokens grouped by room. It changes in place: a token that joins adds one chip, a
 * call shifts the chips' texts; the elements themselves stay, so each change sends the browser only what changed.
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
        }
        for (int i = 0; i < order.size(); i++) {
            shown.get(i).show(byRoom.get(order.get(i)));
        }
    }

    /** One room's row: its label and up to {@link WaitingRoomDisplayView#WAITING_PER_GROUP} chips. */
    private static final class Group {
        final Div row = new Div();
        final Div chips = new Div();
        final Span more = new Span();

        Group(String room, boolean labelled) {
            row.addClassName("wr-group");
            if (labelled) {
                Span label = new Span(room.isEmpty() ? "Next free room" : "Room " + room);
                label.addClassName("wr-group-room");
                row.add(label);
            }
            chips.addClassName("wr-chips");
            more.addClassName("wr-chip-more");
            more.setVisible(false);
            chips.add(more);
            row.add(chips);
        }

        void show(List<DisplayBoard.Waiting> tokens) {
            int count = Math.min(tokens.size(), WaitingRoomDisplayView.WAITING_PER_GROUP);
            int existing = chips.getComponentCount() - 1; // the last child is the "+n more" chip
            for (int i = 0; i < count; i++) {
                DisplayBoard.Waiting w = tokens.get(i);
                String text = w.token() + (w.initials() == null ? "" : " · " + w.initials());
                if (i < existing) {
                    DisplayCalls.showText((Span) chips.getComponentAt(i), text);
                } else {
                    Span chip = new Span(text);
                    chip.addClassName("wr-chip");
                    chips.addComponentAtIndex(i, chip);
                }
            }
            for (int i = existing - 1; i >= count; i--) {
                chips.remove(chips.getComponentAt(i));
            }
            int hidden = tokens.size() - count;
            more.setVisible(hidden > 0);
            DisplayCalls.showText(more, hidden > 0 ? "+" + hidden + " more" : "");
        }
    }
}
