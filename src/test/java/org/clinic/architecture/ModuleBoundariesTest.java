package org.clinic.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The clinic's modules and the one direction their dependencies may point:
 * base, security ← patient, doctor ← appointment ← queue ← consultation ← statistics, and demo on top of everything.
 */
class ModuleBoundariesTest {

    private static final JavaClasses CLINIC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.clinic");

    @Test
    void modules_have_no_cycles() {
        slices().matching("org.clinic.(*)..").should().beFreeOfCycles().check(CLINIC);
    }

    @Test
    void the_shared_kernel_depends_on_no_module() {
        noClasses().that().resideInAPackage("org.clinic.base..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinic.security..", "org.clinic.patient..",
                        "org.clinic.doctor..", "org.clinic.appointment..", "org.clinic.queue..",
                        "org.clinic.consultation..", "org.clinic.message..", "org.clinic.export..",
                        "org.clinic.report..", "org.clinic.statistics..", "org.clinic.demo..", "org.clinic.visit..",
                        "org.clinic.portal..", "org.clinic.clinical..", "org.clinic.api..", "org.clinic.settings..")
                .check(CLINIC);
    }

    @Test
    void security_depends_only_on_the_shared_kernel() {
        noClasses().that().resideInAPackage("org.clinic.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinic.patient..", "org.clinic.doctor..",
                        "org.clinic.appointment..", "org.clinic.queue..", "org.clinic.consultation..",
                        "org.clinic.message..", "org.clinic.export..", "org.clinic.report..",
                        "org.clinic.statistics..", "org.clinic.demo..", "org.clinic.portal..", "org.clinic.clinical..",
                        "org.clinic.api..", "org.clinic.settings..")
                .check(CLINIC);
    }

    /** Allergies, alerts and problems build on the registry only; queues and consultations build on them. */
    @Test
    void clinical_safety_knows_only_the_registry() {
        noClasses().that().resideInAPackage("org.clinic.clinical..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinic.doctor..", "org.clinic.appointment..",
                        "org.clinic.queue..", "org.clinic.consultation..", "org.clinic.message..",
                        "org.clinic.export..", "org.clinic.report..", "org.clinic.statistics..", "org.clinic.visit..")
                .check(CLINIC);
        noClasses().that().resideInAPackage("org.clinic.patient..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.clinical..")
                .check(CLINIC);
    }

    /**
     * The REST API sits on top of the domain modules and calls their public services only: never a store, a
     * repository, an entity or a view of theirs. Nothing but the demo depends on it.
     */
    @Test
    void the_api_uses_only_the_modules_public_services_and_nothing_uses_the_api() {
        noClasses().that().resideOutsideOfPackages("org.clinic.api..", "org.clinic.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.api..")
                .check(CLINIC);
        noClasses().that().resideInAPackage("org.clinic.api..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "stores, repositories, entities or views of other modules (the shared frame base.ui aside)",
                        (JavaClass c) -> c.getPackageName().startsWith("org.clinic.")
                                && !c.getPackageName().startsWith("org.clinic.api")
                                && (c.isAnnotatedWith(org.springframework.stereotype.Repository.class)
                                || c.isAssignableTo(org.springframework.data.repository.Repository.class)
                                || c.isAnnotatedWith(Entity.class)
                                || c.getPackageName().contains(".ui") && !c.getPackageName().startsWith("org.clinic.base.ui"))))
                .check(CLINIC);
    }

    /** The portal builds on the registry, booking and messages; nothing below it knows it (the demo sits on top). */
    @Test
    void nothing_but_the_demo_depends_on_the_portal() {
        noClasses().that().resideOutsideOfPackages("org.clinic.portal..", "org.clinic.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.portal..")
                .check(CLINIC);
    }

    @Test
    void patients_and_doctors_know_nothing_of_booking_or_of_each_other() {
        noClasses().that().resideInAPackage("org.clinic.patient..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinic.doctor..", "org.clinic.appointment..",
                        "org.clinic.queue..", "org.clinic.consultation..")
                .check(CLINIC);
        noClasses().that().resideInAPackage("org.clinic.doctor..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinic.patient..", "org.clinic.appointment..",
                        "org.clinic.queue..", "org.clinic.consultation..")
                .check(CLINIC);
    }

    @Test
    void booking_and_the_queue_know_nothing_of_consultations() {
        noClasses().that().resideInAPackage("org.clinic.appointment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinic.queue..", "org.clinic.consultation..")
                .check(CLINIC);
        noClasses().that().resideInAPackage("org.clinic.queue..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.consultation..")
                .check(CLINIC);
    }

    @Test
    void messages_sit_above_booking_and_below_the_queue_and_consultations() {
        noClasses().that().resideInAnyPackage("org.clinic.patient..", "org.clinic.doctor..", "org.clinic.appointment..",
                        "org.clinic.queue..", "org.clinic.consultation..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.message..")
                .check(CLINIC);
        noClasses().that().resideInAPackage("org.clinic.message..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinic.queue..", "org.clinic.consultation..")
                .check(CLINIC);
    }

    /** The patient's side of the visit sits on top of the queue; nothing below it knows it. */
    @Test
    void nothing_but_the_demo_depends_on_the_visit_module() {
        noClasses().that().resideOutsideOfPackages("org.clinic.visit..", "org.clinic.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.visit..")
                .check(CLINIC);
    }

    @Test
    void nothing_but_the_demo_and_the_portal_depends_on_exports() {
        noClasses().that().resideOutsideOfPackages("org.clinic.export..", "org.clinic.demo..", "org.clinic.portal..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.export..")
                .check(CLINIC);
    }

    /**
     * The settings screen sits on top (it names the queue's lanes and display languages); the modules read the
     * settings in force through the shared kernel's ClinicSettings, never through it.
     */
    @Test
    void nothing_depends_on_the_settings_module() {
        noClasses().that().resideOutsideOfPackage("org.clinic.settings..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.settings..")
                .check(CLINIC);
    }

    @Test
    void nothing_but_the_demo_depends_on_the_demo() {
        noClasses().that().resideOutsideOfPackage("org.clinic.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.clinic.demo..")
                .check(CLINIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"security", "patient", "doctor", "appointment", "queue", "consultation", "message",
            "export", "report", "statistics", "visit",
            "portal", "clinical", "api", "settings"}) // base.ui is the shared frame every module's views use
    void a_modules_views_are_used_only_inside_that_module(String module) {
        ArchRule rule = classes().that().resideInAPackage("org.clinic." + module + ".ui..")
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("org.clinic." + module + "..");
        rule.allowEmptyShould(true).check(CLINIC);
    }

    @Test
    void views_never_touch_repositories_or_entities_directly() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(CLINIC);
    }

    /** Every public service, whatever its name ends with ({@code ConsultationRecords}, {@code PatientAccessLog}…). */
    @Test
    void services_state_who_may_call_them() {
        classes().that().areAnnotatedWith(org.springframework.stereotype.Service.class)
                .and().arePublic()
                .should(com.tngtech.archunit.lang.conditions.ArchConditions.be(
                        new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>(
                                "secured on the class or on every public method") {
                            @Override
                            public boolean test(com.tngtech.archunit.core.domain.JavaClass service) {
                                if (service.isAnnotatedWith(org.springframework.security.access.prepost.PreAuthorize.class)) {
                                    return true;
                                }
                                return service.getMethods().stream()
                                        .filter(m -> m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                                        .allMatch(m -> m.isAnnotatedWith(org.springframework.security.access.prepost.PreAuthorize.class));
                            }
                        }))
                .check(CLINIC);
    }
}
