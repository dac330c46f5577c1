package org.clinic.appointment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.clinic.base.ClinicDates;
import org.clinic.base.ui.FieldMessages;
import org.clinic.doctor.Slot;
import org.jspecify.annotations.Nullable;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The slots of one doctor's day as buttons, each bound to its own start time. A redraw of the same day (a booking
 * at another desk, arriving live) updates the buttons in place instead of replacing them: the button showing 10:00
 * stays the button for 10:00, so a click that was on its way while the picker redrew books the time the person
 * saw. A click on a time taken meanwhile is refused with a message; it never turns into another time.
 */
final class SlotPicker extends Div {

    private final Map<LocalTime, Button> buttons = new LinkedHashMap<>();
    private final Consumer<@Nullable Slot> onChoice;
    private @Nullable String shownDay;
    private List<Slot> shownSlots = List.of();
    private Set<Slot> free = Set.of();
    private String takenWhy = "";
    private @Nullable Slot chosen;

    SlotPicker(Consumer<@Nullable Slot> onChoice) {
        this.onChoice = onChoice;
        addClassName("clinic-slots");
    }

    /**
     * Shows a day's slots, those in {@code bookable} to click. The same day shown again keeps its buttons and the
     * chosen slot while it is still free; if it is not, the choice is dropped and the person told.
     */
    void show(String day, List<Slot> slots, Set<Slot> bookable, String takenWhy) {
        this.free = Set.copyOf(bookable);
        this.takenWhy = takenWhy;
        if (!day.equals(shownDay) || !slots.equals(shownSlots)) {
            rebuild(day, slots);
        }
        buttons.forEach((start, button) -> {
            boolean taken = bookable.stream().noneMatch(s -> s.start().equals(start));
            button.setClassName("clinic-slot-taken", taken);
            button.getElement().setAttribute("aria-disabled", taken ? "true" : "false");
            if (taken) {
                button.getElement().setAttribute("title", takenWhy);
            } else {
                button.getElement().removeAttribute("title");
            }
        });
        Slot before = chosen;
        if (before != null && !free.contains(before)) {
            select(null);
            FieldMessages.showError("The slot you chose (" + ClinicDates.time(before.start())
                    + ") was just booked at another desk. Choose another time.");
        }
    }

    /** No day shown (no doctor or date chosen, or the day is closed). */
    void clear() {
        removeAll();
        buttons.clear();
        shownDay = null;
        shownSlots = List.of();
        free = Set.of();
        select(null);
    }

    /** Forgets the choice without a word (after it was booked here). */
    void dropChoice() {
        select(null);
    }

    @Nullable Slot chosen() {
        return chosen;
    }

    /** Chooses the slot starting then, as a click on it would; false when the day shown has no such free slot. */
    boolean choose(LocalTime start) {
        Button button = buttons.get(start);
        if (button == null || free.stream().noneMatch(s -> s.start().equals(start))) {
            return false;
        }
        clicked(start);
        return true;
    }

    private void rebuild(String day, List<Slot> slots) {
        removeAll();
        buttons.clear();
        select(null);
        shownDay = day;
        shownSlots = List.copyOf(slots);
        Slot previous = null;
        for (Slot slot : slots) {
            if (previous != null && slot.start().isAfter(previous.end())) {
                Span pause = new Span("Break " + ClinicDates.time(previous.end()) + "–" + ClinicDates.time(slot.start()));
                pause.addClassName("clinic-slot-break");
                add(pause);
            }
            previous = slot;
            LocalTime start = slot.start();
            Button button = new Button(ClinicDates.time(start), click -> clicked(start));
            button.addClassName("clinic-slot");
            button.getElement().setAttribute("data-slot", start.toString());
            buttons.put(start, button);
            add(button);
        }
    }

    /** A click, bound to the time its button showed: chosen if that time is still free, refused if not. */
    private void clicked(LocalTime start) {
        Slot slot = free.stream().filter(s -> s.start().equals(start)).findFirst().orElse(null);
        if (slot == null) {
            FieldMessages.showError(ClinicDates.time(start) + " is not free any more (" + takenWhy.toLowerCase()
                    + "). Choose another time.");
            return;
        }
        select(slot);
    }

    private void select(@Nullable Slot slot) {
        chosen = slot;
        buttons.forEach((start, button) -> button.setClassName("clinic-slot-chosen",
                slot != null && slot.start().equals(start)));
        onChoice.accept(slot);
    }
}
