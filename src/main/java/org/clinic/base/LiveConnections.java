package org.clinic.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import jakarta.servlet.ServletContext;
import org.atmosphere.cpr.AtmosphereFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What each open push connection costs the server. A waiting-room display or a patient's position page holds one
 * WebSocket for hours and receives a few small messages a minute; it sends nothing over it (Vaadin sends the
 * browser's messages by plain requests). Thousands of them are open at once, so the buffers each one holds are
 * trimmed to what such traffic needs:
 * <ul>
 * <li>Tomcat gives every WebSocket 8 KB buffers for reading, for a message being received (bytes and characters)
 * and for writing; 1 KB each is plenty (a larger message is sent in several frames). Set before the WebSocket
 * container starts, unless given on the command line.</li>
 * <li>Atmosphere, under Vaadin's push, gives every WebSocket a 16 K byte and a 16 K character buffer it never reads
 * or writes (only clears on close): 48 KB per screen. They are made 1 K.</li>
 * <li>Every open connection also holds Tomcat's socket buffers for reading and writing (8 KB each by default);
 * 4 KB each holds any message a screen sends or receives in one or two reads.</li>
 * <li>An idle keep-alive connection is closed after a few seconds ({@code server.tomcat.keep-alive-timeout}): a
 * display's poll every 15 s then opens a fresh one instead of every display holding a second connection all day.</li>
 * </ul>
 */
@Component
class LiveConnections implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, VaadinServiceInitListener {

    static final String TOMCAT_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    static final String ATMOSPHERE_BUFFER_SIZE = "org.atmosphere.websocket.bufferSize";
    private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);

    private final AtomicBoolean atmosphereTrimmed = new AtomicBoolean();

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (System.getProperty(TOMCAT_BUFFER_SIZE) == null) {
            System.setProperty(TOMCAT_BUFFER_SIZE, "1024");
        }
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", "4096");
            connector.setProperty("socket.appWriteBufSize", "4096");
        });
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!(event.getSource() instanceof VaadinServletService service)) {
            return;
        }
        ServletContext context = service.getServlet().getServletContext();
        trimAtmosphere(context);
        if (!atmosphereTrimmed.get()) {
            // Atmosphere may be set up only with the first request: then the first screen trims it, before it connects.
            event.getSource().addUIInitListener(ui -> {
                if (!atmosphereTrimmed.get()) {
                    trimAtmosphere(context);
                }
            });
        }
    }

    /** Vaadin's settings are Atmosphere's own init parameters, read as each WebSocket opens: ours replace them. */
    private void trimAtmosphere(ServletContext context) {
        for (String name : Collections.list(context.getAttributeNames())) {
            if (context.getAttribute(name) instanceof AtmosphereFramework atmosphere) {
                atmosphere.addInitParameter(ATMOSPHERE_BUFFER_SIZE, "1024");
                if (atmosphereTrimmed.compareAndSet(false, true)) {
                    log.debug("Push connections' unused Atmosphere buffers trimmed to 1 KB");
                }
            }
        }
    }
}
