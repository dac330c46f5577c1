package org.clinic.visit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Visit links and the kiosk ({@code clinic.visits.*}).
 *
 * @param unknownLinksPerAddress  unknown visit links one address may open per window; then every link shows the
 *                                neutral "not valid" page until the window has passed
 * @param unknownLinksWindow      that window
 * @param kioskFailures           failed attempts (unknown code, wrong date of birth) one kiosk may make per window
 * @param kioskFailuresWindow     that window
 * @param kioskTicketShownFor     how long the kiosk shows a ticket before it resets itself
 */
@ConfigurationProperties("clinic.visits")
public record VisitSettings(int unknownLinksPerAddress, Duration unknownLinksWindow, int kioskFailures,
                            Duration kioskFailuresWindow, Duration kioskTicketShownFor) {

    public VisitSettings {
        unknownLinksPerAddress = unknownLinksPerAddress <= 0 ? 20 : unknownLinksPerAddress;
        unknownLinksWindow = unknownLinksWindow == null ? Duration.ofMinutes(10) : unknownLinksWindow;
        kioskFailures = kioskFailures <= 0 ? 8 : kioskFailures;
        kioskFailuresWindow = kioskFailuresWindow == null ? Duration.ofMinutes(5) : kioskFailuresWindow;
        kioskTicketShownFor = kioskTicketShownFor == null ? Duration.ofSeconds(20) : kioskTicketShownFor;
    }
}
