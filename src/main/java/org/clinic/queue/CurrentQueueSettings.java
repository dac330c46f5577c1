package org.clinic.queue;

import org.clinic.base.ClinicSettings;
import org.clinic.base.Setting;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The queue's rules in force: the lanes, skip places, early arrival and long-wait threshold an administrator may
 * change on the settings screen ({@link ClinicSettings}), the rest from {@code clinic.queue.*}. Asked at each use,
 * so a change applies to the next check-in, skip or board read without a restart.
 */
@Component
class CurrentQueueSettings {

    private final QueueSettings defaults;
    private final ClinicSettings clinic;

    CurrentQueueSettings(QueueSettings defaults, ClinicSettings clinic) {
        this.defaults = defaults;
        this.clinic = clinic;
    }

    QueueSettings current() {
        List<Lane> lanes = clinic.list(Setting.PRIORITY_LANES).stream()
                .flatMap(name -> {
                    try {
                        return java.util.stream.Stream.of(Lane.valueOf(name.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException unknown) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .filter(Lane::isPriority)
                .distinct().toList();
        return new QueueSettings(clinic.duration(Setting.EARLY_ARRIVAL), lanes.isEmpty() ? defaults.lanes() : lanes,
                defaults.prioritiesPerRegular(), Math.max(1, clinic.number(Setting.SKIP_PLACES)), defaults.maxSkips(),
                defaults.undoWindow(), clinic.duration(Setting.LONG_WAIT));
    }
}
