package org.clinic.demo;

import org.clinic.appointment.AppointmentKind;
import org.clinic.appointment.AppointmentQueries;
import org.clinic.appointment.AppointmentService;
import org.clinic.appointment.BookAppointment;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.WorkingSession;
import org.clinic.patient.PatientDetails;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.Sex;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * A living demo clinic on {@code spring-boot:run}: an account for every role and a few hundred patients with
 * varied names, so that a newcomer sees a real system at once. Only in the dev profile; seeded once, then the
 * embedded database keeps it across restarts.
 */
@Component
@Profile("dev")
@ConditionalOnProperty(name = "clinic.demo.enabled", havingValue = "true")
@Order(-10) // before FirstAdministrator, which then finds the demo administrator
class DemoClinic implements ApplicationRunner {

    /**
     * Known to everyone who reads this code, so dev profile only. It goes through StaffPasswords' policy like any
     * other password (no way around it exists); StaffPasswordsTest keeps it passing for the demo accounts.
     */
    static final String PASSWORD = "clinic-demo";
    static final int PATIENTS = 320;

    private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

    private final StaffAccountService accounts;
    private final PatientService patients;
    private final DoctorService doctors;
    private final AppointmentService appointments;
    private final AppointmentQueries appointmentQueries;
    private final org.clinic.queue.QueueService queue;
    private final org.clinic.queue.QueueBoards boards;
    private final org.clinic.consultation.ConsultationService consultations;
    private final org.clinic.consultation.ConsultationRecords records;
    private final Clock clock;

    DemoClinic(StaffAccountService accounts, PatientService patients, DoctorService doctors,
               AppointmentService appointments, AppointmentQueries appointmentQueries,
               org.clinic.queue.QueueService queue, org.clinic.queue.QueueBoards boards,
               org.clinic.consultation.ConsultationService consultations,
               org.clinic.consultation.ConsultationRecords records, Clock clock) {
        this.queue = queue;
        this.boards = boards;
        this.consultations = consultations;
        this.records = records;
        this.accounts = accounts;
        this.patients = patients;
        this.doctors = doctors;
        this.appointments = appointments;
        this.appointmentQueries = appointmentQueries;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAuthentication.runAs(Role.ADMIN, this::seedAccounts);
        SystemAuthentication.runAs(Role.RECEPTIONIST, this::seedPatients);
        SystemAuthentication.runAs(Role.ADMIN, this::seedDoctors);
        SystemAuthentication.runAs(Role.RECEPTIONIST, this::seedAppointments);
        SystemAuthentication.runAs(Role.RECEPTIONIST, this::seedQueue);
        SystemAuthentication.runAs(Role.ADMIN, this::seedConsultations);
    }

    /**
     * Earlier visits of the patients in today's queues, recorded as past consultations (vitals over time, diagnoses,
     * prescriptions), so a doctor opening a patient's history from the queue finds something.
     */
    private void seedConsultations() {
        var patientsToday = boards.boards().stream().filter(b -> b.doctor() != null)
                .flatMap(b -> java.util.stream.Stream.concat(b.current().stream(), b.waiting().stream())
                        .map(e -> java.util.Map.entry(e.patientId(), b.doctor())))
                .limit(8).toList();
        if (patientsToday.isEmpty() || !records.visits(patientsToday.getFirst().getKey()).isEmpty()) {
            return;
        }
        Random random = new Random(11);
        LocalDate today = LocalDate.now(clock);
        record Past(String complaint, String diagnosis, String code, org.clinic.consultation.PrescriptionLine line,
                    String advice) {
        }
        List<Past> visits = List.of(
                new Past("Headaches in the evenings", "Essential hypertension", "I10",
                        new org.clinic.consultation.PrescriptionLine("Amlodipine", "5 mg", "1 tablet", "once a day",
                                "28 days", "in the morning"), "Less salt; walk 30 minutes a day; home BP diary"),
                new Past("Sore throat and fever", "Acute pharyngitis", "J02.9",
                        new org.clinic.consultation.PrescriptionLine("Paracetamol", "500 mg", "2 tablets",
                                "up to 4 times a day", "5 days", "no more than 8 tablets in 24 hours"),
                        "Fluids and rest; come back if not better in a week"),
                new Past("Itchy rash on both arms", "Atopic dermatitis", "L20.9",
                        new org.clinic.consultation.PrescriptionLine("Hydrocortisone cream", "1%", "thin layer",
                                "twice a day", "7 days", "on the rash only"), "Fragrance-free emollient daily"),
                new Past("Low back pain after lifting", "Low back pain", "M54.5",
                        new org.clinic.consultation.PrescriptionLine("Ibuprofen", "400 mg", "1 tablet",
                                "3 times a day", "5 days", "after food"), "Keep moving; heat; avoid heavy lifting"));
        List<Past> childVisits = List.of(
                new Past("Fever and pulling at the right ear", "Otitis media", "H66.9",
                        new org.clinic.consultation.PrescriptionLine("Amoxicillin oral suspension", "250 mg/5 mL",
                                "5 mL", "3 times a day", "5 days", "shake the bottle first"),
                        "Paracetamol for pain; come back if not better in 3 days"),
                new Past("Cough and runny nose", "Acute upper respiratory infection", "J06.9",
                        new org.clinic.consultation.PrescriptionLine("Sodium chloride nasal drops", "0.9%",
                                "2 drops in each nostril", "before feeds and sleep", "5 days", null),
                        "Fluids; come back at once if breathing is fast or drinking poor"),
                new Past("Itchy dry patches behind the knees", "Atopic dermatitis", "L20.9",
                        new org.clinic.consultation.PrescriptionLine("Emollient cream", null, "thin layer",
                                "twice a day", "4 weeks", "after bathing"), "Lukewarm baths; cotton clothes"));
        for (var patientAndDoctor : patientsToday) {
            LocalDate born = SystemAuthentication.runAs(Role.RECEPTIONIST,
                    () -> patients.reference(patientAndDoctor.getKey())).birthDate();
            int count = 1 + random.nextInt(3);
            for (int i = count; i >= 1; i--) {
                LocalDate on = today.minusDays(35L * i + random.nextInt(20));
                if (!on.isAfter(born.plusDays(7))) {
                    continue; // not yet born (or just born) then
                }
                boolean child = on.isBefore(born.plusYears(18));
                Past past = child ? childVisits.get(random.nextInt(childVisits.size()))
                        : visits.get(random.nextInt(visits.size()));
                int systolic = 118 + random.nextInt(30);
                var vitals = child ? childVitals(born, on, random) : new org.clinic.consultation.Vitals(systolic,
                        systolic - 45 + random.nextInt(10), 62 + random.nextInt(30), 36.4 + random.nextInt(15) / 10.0,
                        95 + random.nextInt(5), 12 + random.nextInt(8), 58.0 + random.nextInt(40),
                        155.0 + random.nextInt(35));
                var content = new org.clinic.consultation.ConsultationContent(vitals, past.complaint(), null,
                        "Unremarkable apart from the complaint", past.diagnosis(), past.code(), List.of(past.line()),
                        past.advice(), null, null);
                consultations.recordPastVisit(new org.clinic.consultation.PastVisit(patientAndDoctor.getKey(),
                        patientAndDoctor.getValue().id(), on.atTime(9 + random.nextInt(8), 15 * random.nextInt(4)),
                        content));
            }
        }
    }

    /**
     * A child's vitals, roughly as children of that age have them (weight by the APLS estimate, 2 × (age + 4) kg
     * from 1 to 5 years and 3 × age + 7 from 6), so the record's ranges and chart read as they would in paediatrics.
     */
    static org.clinic.consultation.Vitals childVitals(LocalDate born, LocalDate on, Random random) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(born, on);
        int years = (int) (months / 12);
        double weight = years < 1 ? 3.5 + 0.6 * months : years <= 5 ? 2.0 * (years + 4) : 3.0 * years + 7;
        double height = years < 1 ? 50 + 2 * months : Math.min(175, 75 + 6 * years);
        double noise = 0.95 + random.nextInt(11) / 100.0;
        int pulse = years < 1 ? 110 + random.nextInt(40) : years < 3 ? 95 + random.nextInt(35)
                : years < 6 ? 80 + random.nextInt(35) : years < 13 ? 70 + random.nextInt(35) : 60 + random.nextInt(35);
        int breathing = years < 1 ? 30 + random.nextInt(15) : years < 3 ? 24 + random.nextInt(10)
                : years < 6 ? 20 + random.nextInt(8) : years < 13 ? 18 + random.nextInt(7) : 12 + random.nextInt(8);
        int systolic = Math.min(125, 82 + 2 * years + random.nextInt(14));
        return new org.clinic.consultation.Vitals(systolic, (int) Math.round(systolic * 0.6), pulse,
                36.5 + random.nextInt(11) / 10.0, 96 + random.nextInt(5), breathing,
                Math.round(weight * noise * 10) / 10.0, Math.round(height * 10) / 10.0);
    }

    /**
     * A morning in progress: today's patients whose check-in window is open are checked in (about half of them),
     * two walk-ins join (one with a priority), and the first doctor with a queue has called a patient.
     */
    private void seedQueue() {
        if (boards.boards().stream().anyMatch(b -> !b.waiting().isEmpty() || !b.current().isEmpty())) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        var arrivals = appointmentQueries.allOn(today).stream()
                .filter(a -> a.status() == org.clinic.appointment.AppointmentStatus.SCHEDULED)
                .filter(a -> !java.time.LocalDateTime.of(today, a.start())
                        .minus(queue.settings().earlyArrival()).isAfter(java.time.LocalDateTime.now(clock)))
                .toList();
        for (int i = 0; i < arrivals.size(); i += 2) {
            try {
                queue.checkIn(arrivals.get(i).id());
            } catch (org.clinic.base.RuleViolation ignored) {
                // outside its window after all: fine for demo data
            }
        }
        var busy = appointmentQueries.allOn(today).stream().map(a -> a.patientId())
                .collect(java.util.stream.Collectors.toSet());
        var walkIns = patients.search(null, 0, 200).stream()
                .filter(p -> p.status() == org.clinic.patient.PatientStatus.ACTIVE && !busy.contains(p.id()))
                .limit(2).toList();
        var doctorList = doctors.doctors();
        if (walkIns.size() == 2 && !doctorList.isEmpty()) {
            var gp = doctorList.getFirst();
            queue.walkIn(walkIns.get(0).id(), gp.id(), gp.specialty().id(), org.clinic.queue.Lane.REGULAR, null,
                    "Sore throat since yesterday");
            queue.walkIn(walkIns.get(1).id(), null, gp.specialty().id(), org.clinic.queue.Lane.SENIOR,
                    "Aged 84, walks with a frame", "Dizziness");
        }
        doctorList.stream().filter(d -> !boards.board(d.id()).waiting().isEmpty()).findFirst()
                .ifPresent(d -> queue.callNext(d.id()));
    }

    private void seedDoctors() {
        if (!doctors.doctors().isEmpty()) {
            return;
        }
        var existing = accounts.list().stream().map(a -> a.username()).toList();
        record DemoDoctor(String username, String name, String specialty, String room, int slot, int capacity,
                          LocalTime am, LocalTime amEnd, LocalTime pm, LocalTime pmEnd) {
        }
        List<DemoDoctor> demo = List.of(
                new DemoDoctor("dr.chen", "Dr Mei Chen", "General practice", "A", 15, 16,
                        LocalTime.of(9, 0), LocalTime.of(12, 30), LocalTime.of(14, 0), LocalTime.of(17, 0)),
                new DemoDoctor("dr.novak", "Dr Jan Novák", "Paediatrics", "B", 20, 12,
                        LocalTime.of(8, 30), LocalTime.of(12, 30), LocalTime.of(13, 30), LocalTime.of(16, 30)),
                new DemoDoctor("dr.adeyemi", "Dr Folake Adeyemi", "Cardiology", "C", 30, 10,
                        LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(16, 0)),
                new DemoDoctor("dr.haddad", "Dr Karim Haddad", "General practice", "D", 15, 10,
                        LocalTime.of(10, 0), LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(18, 0)),
                new DemoDoctor("dr.lindqvist", "Dr Åsa Lindqvist", "Dermatology", "E", 20, 10,
                        LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(12, 45), LocalTime.of(15, 0)));
        // GMC-style numbers (seven digits) as a pharmacist reads them on a prescription; made up, of nobody real
        var registration = java.util.Map.of("dr.chen", "GMC 7034512", "dr.novak", "GMC 6129874",
                "dr.adeyemi", "GMC 7215630", "dr.haddad", "GMC 6893017", "dr.lindqvist", "GMC 7450268");
        var specialties = new java.util.HashMap<String, java.util.UUID>();
        var byUsername = new java.util.HashMap<String, java.util.UUID>();
        for (DemoDoctor d : demo) {
            if (!existing.contains(d.username())) {
                accounts.create(new CreateStaffAccount(d.username(), d.name(), PASSWORD, Role.DOCTOR));
            }
            java.util.UUID specialty = specialties.computeIfAbsent(d.specialty(), n -> doctors.addSpecialty(n).id());
            var doctor = doctors.addDoctor(new NewDoctor(d.username(), d.name(), specialty, d.username()
                    .replace("dr.", "") + "@clinic.example.org", registration.get(d.username()),
                    d.room(), d.slot(), d.capacity()));
            List<WorkingSession> week = new java.util.ArrayList<>();
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                week.add(new WorkingSession(day, d.am(), d.amEnd()));
                week.add(new WorkingSession(day, d.pm(), d.pmEnd()));
            }
            if (d.username().equals("dr.chen")) {
                week.add(new WorkingSession(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));
                week.add(new WorkingSession(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(13, 0)));
            }
            doctors.setWeeklySessions(doctor.id(), week);
            byUsername.put(d.username(), doctor.id());
        }
        // Something for the working-hours screens to show: leave, an extra session and a clinic holiday ahead,
        // all after the week of demo bookings.
        LocalDate today = LocalDate.now(clock);
        doctors.addLeave(byUsername.get("dr.novak"), today.plusDays(10), "Paediatrics conference");
        doctors.addLeave(byUsername.get("dr.novak"), today.plusDays(11), "Paediatrics conference");
        doctors.addExtraSession(byUsername.get("dr.chen"),
                today.plusDays(8).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)),
                LocalTime.of(13, 0), LocalTime.of(15, 0), "Flu vaccination clinic");
        doctors.addClinicHoliday(today.plusDays(21), "Staff training day");
    }

    /** A realistic spread of bookings for today and the coming week, about two thirds of capacity. */
    private void seedAppointments() {
        LocalDate today = LocalDate.now(clock);
        if (doctors.doctors().stream().anyMatch(d -> !appointmentQueries.dayOf(d.id(), today).isEmpty()
                || !appointmentQueries.dayOf(d.id(), today.plusDays(1)).isEmpty())) {
            return;
        }
        List<java.util.UUID> people = patients.search(null, 0, 200).stream()
                .filter(p -> p.status() == org.clinic.patient.PatientStatus.ACTIVE).map(p -> p.id()).toList();
        Random random = new Random(7);
        String[] reasons = {"Persistent cough", "Blood pressure review", "Rash on forearm", "Follow-up after tests",
                "Vaccination", "Back pain", "Headaches", "Repeat prescription", "Chest pain on exertion", null};
        int next = 0;
        for (int offset = 0; offset < 7; offset++) {
            LocalDate date = today.plusDays(offset);
            for (var doctor : doctors.doctors()) {
                // Distinct free slots in random order: picking with repeats would try a taken slot again, which
                // the slot's unique key refuses (and the database driver logs as a warning).
                var free = new java.util.ArrayList<>(appointmentQueries.freeSlots(doctor.id(), date));
                java.util.Collections.shuffle(free, random);
                int wanted = Math.min(free.size(), doctor.dailyCapacity() * 2 / 3);
                for (int i = 0; i < wanted && next < people.size() * 6; i++) {
                    var slot = free.get(i);
                    try {
                        appointments.book(new BookAppointment(java.util.UUID.randomUUID(),
                                people.get(next++ % people.size()), doctor.id(), date, slot.start(),
                                random.nextInt(3) == 0 ? AppointmentKind.FOLLOW_UP : AppointmentKind.NEW,
                                reasons[random.nextInt(reasons.length)]));
                    } catch (org.clinic.base.RuleViolation taken) {
                        // the patient already has an appointment at that time: fine for demo data
                    }
                }
            }
        }
    }

    private void seedAccounts() {
        var existing = accounts.list().stream().map(a -> a.username()).toList();
        List<CreateStaffAccount> demo = List.of(
                new CreateStaffAccount("admin", "Amira Haddad", PASSWORD, Role.ADMIN),
                new CreateStaffAccount("reception", "Grace Okafor", PASSWORD, Role.RECEPTIONIST),
                new CreateStaffAccount("reception2", "Tomás Álvarez", PASSWORD, Role.RECEPTIONIST),
                new CreateStaffAccount("display", "Waiting room TV", PASSWORD, Role.DISPLAY),
                new CreateStaffAccount("kiosk", "Entrance kiosk", PASSWORD, Role.KIOSK));
        demo.stream().filter(a -> !existing.contains(a.username())).forEach(accounts::create);
    }

    private void seedPatients() {
        if (!patients.search(null, 0, 1).isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(20261122L);
        LocalDate today = LocalDate.now(clock);
        String familyPhone = null;
        for (int i = 0; i < PATIENTS; i++) {
            DemoNames names = DemoNames.ALL.get(random.nextInt(DemoNames.ALL.size()));
            boolean female = random.nextBoolean();
            String given = pick(random, female ? names.female() : names.male());
            String family = pick(random, names.family());
            int age = random.nextInt(100) < 15 ? random.nextInt(12) : 18 + random.nextInt(72);
            boolean estimated = random.nextInt(25) == 0;
            LocalDate birthDate = estimated ? today.minusYears(age).withDayOfYear(1)
                    : today.minusYears(age).minusDays(random.nextInt(365));
            // Some households share one phone; a few patients have none.
            String phone = random.nextInt(12) == 0 ? null
                    : (familyPhone != null && random.nextInt(6) == 0) ? familyPhone
                    : "020 7946 0" + String.format("%03d", random.nextInt(1000));
            familyPhone = phone;
            String email = random.nextInt(3) == 0 ? null
                    : "patient" + (i + 1) + "@example.org";
            String address = random.nextInt(4) == 0 ? null
                    : (10 + random.nextInt(190)) + " " + pick(random, List.of("High Street", "Station Road",
                    "Church Lane", "Victoria Road", "Mill Lane", "Park Avenue")) + ", London";
            Sex sex = random.nextInt(50) == 0 ? Sex.OTHER : female ? Sex.FEMALE : Sex.MALE;
            PatientRecord patient = patients.register(new PatientDetails(given, family, birthDate, estimated, sex,
                    phone, email, address), true);
            if (random.nextInt(30) == 0) {
                patients.deactivate(patient.id());
            }
            if (email != null && random.nextInt(20) == 0) {
                patients.allowEmailMessages(patient.id(), false); // a few asked not to be emailed
            }
        }
        log.info("Demo clinic: registered {} patients in {} ms", PATIENTS, (System.nanoTime() - started) / 1_000_000);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
