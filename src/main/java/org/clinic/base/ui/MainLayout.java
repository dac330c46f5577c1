package org.clinic.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.clinic.base.StaffIdentity;

/**
 * The frame around every staff screen: the clinic's name, the navigation (only what the signed-in role may
 * open, as Vaadin's access control filters the menu), and who is signed in with a sign-out button.
 */
@Layout
@com.vaadin.flow.component.dependency.JavaScript("context://scripts/desk-shortcuts.js") // Ctrl+K, Alt+A/W/N
@PermitAll // the layout itself shows nothing but navigation; each view inside states who may open it
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The shortcut to the patient search, as tooltips name it. */
    public static final String FIND_PATIENT_KEYS = "Ctrl+K";
    private static final String TITLE_SUFFIX = " · Clinic";
    /** The registry's route: named, not imported, as the shared kernel comes before the patient module. */
    private static final String PATIENT_SEARCH_ROUTE = "patients";

    private final AuthenticationContext authentication;
    private final H1 pageTitle = new H1();
    private final SideNav navigation = new SideNav();

    public MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addClassName("clinic-layout");

        pageTitle.addClassName("clinic-page-title");
        addToNavbar(new DrawerToggle(), pageTitle);
        if (authentication.hasAnyRole("RECEPTIONIST", "DOCTOR", "ADMIN")) { // the roles that open the registry
            addToNavbar(findPatient());
        }

        Span brandMark = new Span(new Icon(VaadinIcon.PLUS_SQUARE_O));
        brandMark.addClassName("clinic-brand-mark");
        Span brandName = new Span("Clinic");
        brandName.addClassName("clinic-brand-name");
        HorizontalLayout brand = new HorizontalLayout(brandMark, brandName);
        brand.setAlignItems(FlexComponent.Alignment.CENTER);
        brand.addClassName("clinic-brand");

        navigation.addClassName("clinic-navigation");
        addToDrawer(brand, navigation, signedInPanel());
    }

    /**
     * Find patient, from any staff screen: Ctrl+K (taken in the page, before the browser, which would otherwise focus
     * its own search box; see {@code frontend/scripts/desk-shortcuts.js}) opens the registry with the cursor in its
     * search field.
     */
    private Button findPatient() {
        Button find = new Button("Find patient", new Icon(VaadinIcon.SEARCH), click -> openPatientSearch());
        find.setId("find-patient");
        find.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        find.addClassName("clinic-find-patient");
        find.setTooltipText("Find a patient by name, phone or MRN (" + FIND_PATIENT_KEYS + ")");
        find.getElement().setAttribute("aria-keyshortcuts", "Control+K");
        return find; // the key itself: scripts/desk-shortcuts.js clicks this button
    }

    private void openPatientSearch() {
        getUI().ifPresent(ui -> {
            ui.navigate(PATIENT_SEARCH_ROUTE);
            // runs after the registry is drawn (script calls follow the page changes of the same response)
            ui.getPage().executeJs("const f = document.getElementById('patient-search'); if (f) { f.focus(); }");
        });
    }

    private Div signedInPanel() {
        Div panel = new Div();
        panel.addClassName("clinic-signed-in");
        authentication.getAuthenticatedUser(Object.class).map(this::identityOf).ifPresent(identity -> {
            Avatar avatar = new Avatar(identity.displayName());
            Span name = new Span(identity.displayName());
            name.addClassName("clinic-signed-in-name");
            Span role = new Span(identity.roleLabel());
            role.addClassName("clinic-signed-in-role");
            VerticalLayout who = new VerticalLayout(name, role);
            who.setPadding(false);
            who.setSpacing(false);
            HorizontalLayout row = new HorizontalLayout(avatar, who);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), click -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            signOut.setId("sign-out");
            panel.add(row, signOut);
        });
        return panel;
    }

    private StaffIdentity identityOf(Object principal) {
        if (principal instanceof StaffIdentity identity) {
            return identity;
        }
        String name = authentication.getPrincipalName().orElse("Signed in");
        String role = authentication.getGrantedRoles().stream().findFirst().orElse("");
        return new StaffIdentity() {
            @Override
            public String displayName() {
                return name;
            }

            @Override
            public String roleLabel() {
                return role.isEmpty() ? "" : role.charAt(0) + role.substring(1).toLowerCase(java.util.Locale.ROOT);
            }
        };
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        navigation.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            navigation.addItem(item);
        }
        // Browser tabs read "Patients · Clinic"; the header needs only "Patients".
        String title = MenuConfiguration.getPageHeader(getContent()).orElse("");
        pageTitle.setText(title.endsWith(TITLE_SUFFIX) ? title.substring(0, title.length() - TITLE_SUFFIX.length()) : title);
    }
}
