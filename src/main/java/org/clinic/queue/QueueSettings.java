package org.clinic.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How the queue behaves (properties {@code clinic.queue.*}).
 *
 * @param earlyArrival         how long before their time a booked patient may check in
 * @param lanes                the priority lanes offered at check-in (emergency is always offered)
 * @param prioritiesPerRegular how many priority-lane patients may be called in a row while a regular patient waits
 * @param skipPlaces           how many places "not present" moves a patient back
 * @param maxSkips             after this many skips the patient may be recorded as a no-show
 * @param undoWindow           how long the last action on a queue can be undone
 * @param longWait             waits longer than this are highlighted
 */
@ConfigurationProperties("clinic.queue")
public record QueueSettings(Duration earlyArrival, List<Lane> lanes, int prioritiesPerRegular, int skipPlaces,
                            int maxSkips, Duration undoWindow, Duration longWait) {

    public QueueSettings {
        earlyArrival = earlyArrival == null ? Duration.ofHours(2) : earlyArrival;
        lanes = lanes == null || lanes.isEmpty()
                ? List.of(Lane.SENIOR, Lane.PREGNANT, Lane.DISABILITY, Lane.CHILD) : List.copyOf(lanes);
        prioritiesPerRegular = prioritiesPerRegular <= 0 ? 2 : prioritiesPerRegular;
        skipPlaces = skipPlaces <= 0 ? 3 : skipPlaces;
        maxSkips = maxSkips <= 0 ? 3 : maxSkips;
        undoWindow = undoWindow == null ? Duration.ofSeconds(60) : undoWindow;
        longWait = longWait == null ? Duration.ofMinutes(30) : longWait;
    }
}
