package org.clinic.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.base.NotFoundException;
import org.clinic.doctor.DoctorSchedule;
import org.clinic.doctor.DoctorService;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Specialties, doctors, their free slots and a doctor's day, through DoctorService and AppointmentService. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Doctors", description = "Specialties, doctors, free slots for a date and a doctor's appointments.")
class DoctorsApi {

    private final DoctorService doctors;
    private final AppointmentQueries appointments;

    DoctorsApi(DoctorService doctors, AppointmentQueries appointments) {
        this.doctors = doctors;
        this.appointments = appointments;
    }

    @GetMapping("/specialties")
    @Operation(summary = "List the specialties")
    List<DoctorJson.Specialty> specialties() {
        return doctors.specialties().stream().map(DoctorJson.Specialty::of).toList();
    }

    @GetMapping("/doctors")
    @Operation(summary = "List the active doctors", description = "Optionally of one specialty.")
    List<DoctorJson.Doctor> doctors(@RequestParam(required = false) @Nullable UUID specialtyId) {
        return doctors.doctors().stream().filter(d -> specialtyId == null || d.specialty().id().equals(specialtyId))
                .map(DoctorJson.Doctor::of).toList();
    }

    @GetMapping("/doctors/{doctorId}")
    @Operation(summary = "Read a doctor")
    DoctorJson.Doctor doctor(@PathVariable UUID doctorId) {
        return DoctorJson.Doctor.of(doctors.doctor(doctorId));
    }

    @GetMapping("/doctors/{doctorId}/slots")
    @Operation(summary = "A doctor's free slots on a date",
            description = "The slots that can still be booked (free, and not yet begun).")
    DoctorJson.FreeSlots freeSlots(@PathVariable UUID doctorId,
                                   @Parameter(example = "2026-12-14")
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return DoctorJson.FreeSlots.of(doctors.daySchedule(doctorId, date), appointments.freeSlots(doctorId, date));
    }

    @GetMapping("/doctors/{doctorId}/appointments")
    @Operation(summary = "A doctor's day", description = "The doctor's appointments on a date, all statuses, in time"
            + " order.")
    List<AppointmentJson.Appointment> day(@PathVariable UUID doctorId,
                                          @Parameter(example = "2026-12-14")
                                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return appointments.dayOf(doctorId, date).stream().map(AppointmentJson.Appointment::of).toList();
    }

    @GetMapping("/me/schedule")
    @Operation(summary = "The token's doctor's working week", description = "Doctor tokens only (403 for others).")
    DoctorJson.MySchedule mySchedule() {
        DoctorSchedule schedule = doctors.mySchedule()
                .orElseThrow(() -> new NotFoundException("This token's doctor is not a doctor of the clinic"));
        return DoctorJson.MySchedule.of(doctors.doctor(schedule.doctor().id()), schedule);
    }
}
