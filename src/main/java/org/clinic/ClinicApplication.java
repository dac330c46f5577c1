package org.clinic;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The clinic: one server-driven Vaadin application over MariaDB that pushes every change to every screen. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/clinic.css")
@Meta(name = "color-scheme", content = "light")
public class ClinicApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(ClinicApplication.class, args);
    }
}
