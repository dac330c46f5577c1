package org.clinic.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel tag of the meters follows who acts: the desk, a kiosk acting for it, the portal, the system. */
class ChannelsTest {

    @Test
    void a_kiosk_acting_for_the_front_desk_is_the_kiosk_channel_not_the_desk() {
        assertThat(ActingAs.as("grace", Role.RECEPTIONIST, Channels::current)).isEqualTo("desk");
        assertThat(ActingAs.as("kiosk-1", Role.KIOSK, () -> KioskActs.asFrontDesk(Channels::current)))
                .isEqualTo("kiosk");
        assertThat(SystemAuthentication.runAsPortal("portal:x", Channels::current)).isEqualTo("portal");
        assertThat(SystemAuthentication.runAs(Role.ADMIN, Channels::current)).isEqualTo("system");
    }
}
