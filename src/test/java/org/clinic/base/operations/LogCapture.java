package org.clinic.base.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the application logs while it is open, from every thread, as the configured levels let it through
 * (plus the loggers raised on purpose), with each line's thread and request id.
 */
final class LogCapture implements AutoCloseable {

    record Line(String thread, String logger, String level, @Nullable String requestId, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Map<Logger, Level> raised = new HashMap<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
            lines.add(new Line(event.getThreadName(), event.getLoggerName(), event.getLevel().toString(),
                    event.getMDCPropertyMap().get(RequestIds.MDC_KEY), text));
        }
    };

    LogCapture() {
        appender.setName("log-scan");
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    /** Lets a logger's DEBUG lines through while capturing (what a request does, line by line). */
    LogCapture debug(String loggerName) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        raised.put(logger, logger.getLevel());
        logger.setLevel(Level.DEBUG);
        return this;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        raised.forEach(Logger::setLevel);
    }
}
