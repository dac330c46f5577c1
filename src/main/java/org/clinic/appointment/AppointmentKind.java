package org.clinic.appointment;

public enum AppointmentKind {
    NEW("New visit"), FOLLOW_UP("Follow-up");

    private final String label;

    AppointmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
