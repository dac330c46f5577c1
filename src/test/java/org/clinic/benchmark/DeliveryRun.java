package org.clinic.benchmark;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.clinic.doctor.DoctorService;
import org.clinic.doctor.DoctorSummary;
import org.clinic.doctor.NewDoctor;
import org.clinic.doctor.SpecialtySummary;
import org.clinic.doctor.WorkingSession;
import org.clinic.patient.PatientRecord;
import org.clinic.patient.PatientService;
import org.clinic.patient.TestPatients;
import org.clinic.queue.QueueService;
import org.clinic.security.CreateStaffAccount;
import org.clinic.security.Role;
import org.clinic.security.StaffAccountService;
import org.clinic.security.SystemAuthentication;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every delivery scenario works with: the server (its port, its services, the commit clock, its sessions and
 * log), and factories for the clinic a scenario needs: doctors with a room of their own, staff and display accounts,
 * patients in a line. One per benchmark run; {@link #close()} leaves nobody of this run waiting in today's queues
 * (the benchmark database is kept between runs).
 */
final class DeliveryRun implements AutoCloseable {

    static final String PASSWORD = "delivery-bench-1";
    /** The specialty the benchmark's doctors practise, so a specialty display shows only them. */
    private static final String SPECIALTY = "Delivery benchmark";

    final int port;
    final StaffAccountService accounts;
    final DoctorService doctors;
    final PatientService patients;
    final QueueService queue;
    final CommitClock commits;
    final JdbcClient jdbc;
    final LogCounter log;
    private final WebServerApplicationContext server;
    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    private final AtomicInteger names = new AtomicInteger();
    private final List<QueueLine> lines = new ArrayList<>();

    DeliveryRun(int port, StaffAccountService accounts, DoctorService doctors, PatientService patients,
                QueueService queue, CommitClock commits, JdbcClient jdbc, WebServerApplicationContext server) {
        this.port = port;
        this.accounts = accounts;
        this.doctors = doctors;
        this.patients = patients;
        this.queue = queue;
        this.commits = commits;
        this.jdbc = jdbc;
        this.server = server;
        this.log = LogCounter.attach();
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** {@code count} new accounts of this role (password {@link #PASSWORD}); screens share them in turn. */
    List<String> accounts(Role role, int count) {
        return SystemAuthentication.runAs(Role.ADMIN, () -> {
            List<String> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String username = "dlv" + run + role.name().substring(0, 2).toLowerCase() + names.incrementAndGet();
                accounts.create(new CreateStaffAccount(username, role.label() + " " + i, PASSWORD, role));
                made.add(username);
            }
            return made;
        });
    }

    SpecialtySummary specialty() {
        return SystemAuthentication.runAs(Role.ADMIN, () -> doctors.specialties().stream()
                .filter(s -> s.name().equals(SPECIALTY)).findFirst()
                .orElseGet(() -> doctors.addSpecialty(SPECIALTY)));
    }

    /**
     * A doctor working all day in a room no other doctor has (so a clinic-wide display shows their line as a group
     * of its own, and their tokens carry a prefix of their own), with {@code waiting} walk-ins already waiting and
     * {@code arriving} patients registered to walk in later.
     */
    QueueLine line(int waiting, int arriving) {
        SpecialtySummary specialty = specialty();
        DoctorSummary doctor = SystemAuthentication.runAs(Role.ADMIN, () -> {
            String suffix = run + names.incrementAndGet();
            String username = "dlv" + suffix + "doc";
            accounts.create(new CreateStaffAccount(username, "Dr Bench " + suffix, "doctor-password", Role.DOCTOR));
            DoctorSummary made = doctors.addDoctor(new NewDoctor(username, "Dr Bench " + suffix, specialty.id(),
                    username + "@clinic.example.org", "GMC" + suffix, "Bench " + suffix, 15, 200));
            List<WorkingSession> week = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                week.add(new WorkingSession(day, LocalTime.of(0, 0), LocalTime.of(23, 45)));
            }
            doctors.setWeeklySessions(made.id(), week);
            return made;
        });
        QueueLine line = new QueueLine(this, doctor, patients(waiting + arriving));
        for (int i = 0; i < waiting; i++) {
            line.walkIn();
        }
        synchronized (lines) {
            lines.add(line);
        }
        return line;
    }

    List<UUID> patients(int count) {
        return SystemAuthentication.runAs(Role.RECEPTIONIST, () -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PatientRecord patient = patients.register(TestPatients.details(), true);
                ids.add(patient.id());
            }
            return ids;
        });
    }

    /**
     * Ends every HTTP session on the server: the screens of a finished scenario would otherwise stay in the heap for
     * the session timeout (8 hours; display devices are never signed out), and weigh on the next scenario.
     */
    int expireSessions() {
        int expired = 0;
        for (Container context : ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()) {
            Manager manager = ((Context) context).getManager();
            for (Session session : manager.findSessions()) {
                session.expire();
                expired++;
            }
        }
        return expired;
    }

    /** Today's queues are kept by the benchmark database: nobody of this run stays waiting. */
    @Override
    public void close() {
        synchronized (lines) {
            lines.forEach(QueueLine::leave);
            lines.clear();
        }
        log.detach();
    }
}
