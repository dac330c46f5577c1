package org.clinic.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the server logs at WARN and ERROR while the benchmark runs (it hosts the server): a scenario reads the
 * counts before and after and reports the difference with the last message.
 */
final class LogCounter extends AppenderBase<ILoggingEvent> {

    /** The counts at one moment. */
    record Counts(long warnings, long errors, String last) {
        String since(Counts before) {
            long w = warnings - before.warnings;
            long e = errors - before.errors;
            return w + " WARN, " + e + " ERROR in the server log" + (w + e == 0 ? "" : " (last: " + last + ")");
        }

        long problems(Counts before) {
            return warnings - before.warnings + errors - before.errors;
        }
    }

    private final AtomicLong warnings = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String last = "-";

    static LogCounter attach() {
        LogCounter counter = new LogCounter();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            counter.setContext(context);
            counter.setName("delivery-benchmark-counter");
            counter.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(counter);
        }
        return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            errors.incrementAndGet();
        } else if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            warnings.incrementAndGet();
        } else {
            return;
        }
        String message = event.getFormattedMessage();
        last = event.getLoggerName() + ": " + (message == null ? "" : message.lines().findFirst().orElse(""));
    }

    Counts counts() {
        return new Counts(warnings.get(), errors.get(), last);
    }

    void detach() {
        if (getContext() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        }
        stop();
    }
}
