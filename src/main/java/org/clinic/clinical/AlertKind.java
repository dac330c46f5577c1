package org.clinic.clinical;

/** What the care team must allow for. An interpreter alert names the language; "other" says what. */
public enum AlertKind {
    INTERPRETER("Needs an interpreter", "Language"),
    WHEELCHAIR("Uses a wheelchair", null),
    HARD_OF_HEARING("Hard of hearing", null),
    VISUALLY_IMPAIRED("Visually impaired", null),
    OTHER("Other", "What the team should know");

    private final String label;
    private final @org.jspecify.annotations.Nullable String detailLabel;

    AlertKind(String label, @org.jspecify.annotations.Nullable String detailLabel) {
        this.label = label;
        this.detailLabel = detailLabel;
    }

    public String label() {
        return label;
    }

    /** The label of the detail this kind needs, or null when it needs none (it may still have one). */
    public @org.jspecify.annotations.Nullable String detailLabel() {
        return detailLabel;
    }

    public boolean needsDetail() {
        return detailLabel != null;
    }
}
