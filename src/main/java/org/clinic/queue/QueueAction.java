package org.clinic.queue;

/** What happened to a queue entry; each is one row of the queue's event log. */
public enum QueueAction {
    CHECK_IN("Checked in"),
    WALK_IN("Walk-in joined"),
    CALL("Called"),
    RECALL("Called again"),
    SKIP("Not present, moved back"),
    NO_SHOW("No-show"),
    RETURN("Returned to the queue"),
    TRANSFER("Transferred"),
    PRIORITY("Priority changed"),
    START("Consultation started"),
    FINISH("Finished"),
    UNDO("Undone");

    private final String label;

    QueueAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the last action of this kind on a queue may be undone within the undo window. */
    boolean undoable() {
        return switch (this) {
            case CALL, SKIP, NO_SHOW, RETURN, TRANSFER, PRIORITY -> true;
            default -> false;
        };
    }
}
