package org.clinic.visit;

import java.time.Duration;

/**
 * The ticket the kiosk shows (and a patient photographs or follows by its QR code): token, where to wait, roughly
 * how long, and the visit link. No patient name.
 *
 * @param visitLink  the position page ({@code <public url>/visit/<code>}), encoded in the QR code
 * @param shortLink  the same without the scheme, printed under the QR code
 */
public record KioskTicket(String token, String room, String doctorName, int ahead, Duration estimatedWait,
                          String visitLink, String shortLink) {
}
