package org.clinic.base.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * When a screen's session is gone (expired, or the server restarted), the page reloads by itself instead of asking
 * for a click: nobody stands at a waiting-room TV to click, and staff screens land on the sign-in page or, for a
 * remembered display device, straight back on the display.
 */
@Component
class SessionExpiry implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
