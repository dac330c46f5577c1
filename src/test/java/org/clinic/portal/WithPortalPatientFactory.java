package org.clinic.portal;

import org.clinic.patient.PatientService;
import org.clinic.security.PatientPrincipal;
import org.clinic.security.PatientSignInAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/** Registers a patient, gives them a portal account and signs the test in as them. */
class WithPortalPatientFactory implements WithSecurityContextFactory<WithPortalPatient> {

    @Autowired
    PatientService patients;
    @Autowired
    PortalSeeding seeding;
    @Autowired
    PatientSignInAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Override
    public SecurityContext createSecurityContext(WithPortalPatient annotation) {
        PortalFixtures fixtures = new PortalFixtures(patients, seeding, accounts, jdbc);
        String email = PortalFixtures.uniqueEmail();
        fixtures.withAccount(email);
        PatientPrincipal principal = fixtures.principal(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        return context;
    }
}
