package org.clinic.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import org.clinic.doctor.DateException;
import org.clinic.doctor.DaySchedule;
import org.clinic.doctor.DoctorSchedule;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.doctor.WorkingSession;
import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Specialties, doctors, their free slots and a doctor's own week, as JSON. */
final class DoctorJson {

    private DoctorJson() {
    }

    @Schema(name = "Specialty")
    record Specialty(UUID id, @Schema(example = "General practice") String name) {

        static Specialty of(SpecialtySummary specialty) {
            return new Specialty(specialty.id(), specialty.name());
        }
    }

    @Schema(name = "Doctor", description = "A doctor of the clinic, as booking needs them.")
    record Doctor(UUID id, @Schema(example = "Dr Maya Patel") String name, Specialty specialty,
                  @Schema(example = "Room 3") String room, @Schema(example = "15") int slotMinutes,
                  @Schema(description = "patients per day", example = "20") int dailyCapacity, boolean active) {

        static Doctor of(DoctorSummary doctor) {
            return new Doctor(doctor.id(), doctor.displayName(), Specialty.of(doctor.specialty()), doctor.room(),
                    (int) doctor.slotLength().toMinutes(), doctor.dailyCapacity(), doctor.active());
        }
    }

    @Schema(name = "Slot")
    record Slot(@Schema(example = "09:30") @JsonFormat(pattern = "HH:mm") LocalTime start,
                @Schema(example = "09:45") @JsonFormat(pattern = "HH:mm") LocalTime end) {

        static Slot of(org.clinic.doctor.Slot slot) {
            return new Slot(slot.start(), slot.end());
        }
    }

    @Schema(name = "FreeSlots", description = "What can still be booked with a doctor on a date.")
    record FreeSlots(UUID doctorId, LocalDate date, boolean open,
                     @Schema(description = "why the doctor does not work that day, when not open")
                     @Nullable String closedWhy, List<Slot> free) {

        static FreeSlots of(DaySchedule day, List<org.clinic.doctor.Slot> free) {
            return new FreeSlots(day.doctor().id(), day.date(), day.isOpen(), day.closedWhy(),
                    free.stream().map(Slot::of).toList());
        }
    }

    @Schema(name = "MySchedule", description = "A doctor's own working week and coming leave (doctor tokens only).")
    record MySchedule(Doctor doctor, List<Session> week, List<Exception> upcoming) {

        record Session(DayOfWeek day, @JsonFormat(pattern = "HH:mm") LocalTime start,
                       @JsonFormat(pattern = "HH:mm") LocalTime end) {
        }

        @Schema(name = "ScheduleException")
        record Exception(LocalDate date, String kind, @JsonFormat(pattern = "HH:mm") @Nullable LocalTime start,
                         @JsonFormat(pattern = "HH:mm") @Nullable LocalTime end) {
        }

        static MySchedule of(DoctorSummary doctor, DoctorSchedule schedule) {
            return new MySchedule(Doctor.of(doctor),
                    schedule.week().stream().map((WorkingSession s) -> new Session(s.day(), s.start(), s.end()))
                            .toList(),
                    schedule.upcoming().stream().map((DateException e) -> new Exception(e.date(), e.kind().name(),
                            e.start(), e.end())).toList());
        }
    }
}
