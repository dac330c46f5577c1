package org.clinic.demo;

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
import java.time.LocalDate;
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

    static final String PASSWORD = "clinic-demo";
    static final int PATIENTS = 320;

    private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

    private final StaffAccountService accounts;
    private final PatientService patients;
    private final Clock clock;

    DemoClinic(StaffAccountService accounts, PatientService patients, Clock clock) {
        this.accounts = accounts;
        this.patients = patients;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAuthentication.runAs(Role.ADMIN, this::seedAccounts);
        SystemAuthentication.runAs(Role.RECEPTIONIST, this::seedPatients);
    }

    private void seedAccounts() {
        var existing = accounts.list().stream().map(a -> a.username()).toList();
        List<CreateStaffAccount> demo = List.of(
                new CreateStaffAccount("admin", "Amira Haddad", PASSWORD, Role.ADMIN),
                new CreateStaffAccount("reception", "Grace Okafor", PASSWORD, Role.RECEPTIONIST),
                new CreateStaffAccount("reception2", "Tomás Álvarez", PASSWORD, Role.RECEPTIONIST),
                new CreateStaffAccount("dr.chen", "Dr Mei Chen", PASSWORD, Role.DOCTOR),
                new CreateStaffAccount("dr.novak", "Dr Jan Novák", PASSWORD, Role.DOCTOR),
                new CreateStaffAccount("display", "Waiting room TV", PASSWORD, Role.DISPLAY));
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
        }
        log.info("Demo clinic: registered {} patients in {} ms", PATIENTS, (System.nanoTime() - started) / 1_000_000);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
