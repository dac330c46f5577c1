package org.clinic.base.cluster;

import org.clinic.base.LiveEvent;
import org.clinic.base.LiveResync;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What travels between nodes: every live event record survives the trip; nothing else is ever built from it. */
class LiveEventCodecTest {

    private final LiveEventCodec codec = new LiveEventCodec();

    @Test
    void the_allow_list_holds_every_live_event_record_of_the_clinic() {
        assertThat(codec.allowed()).containsKeys("base.LiveResync", "queue.QueueChanged",
                "appointment.AppointmentsChanged", "patient.PatientChanged", "patient.PatientRegistered",
                "consultation.ConsultationChanged", "message.OutboxChanged", "export.ExportProgressed",
                "doctor.DoctorsChanged", "security.SessionsEnded", "clinical.SafetyChanged");
        assertThat(codec.allowed().values()).allSatisfy(type -> {
            assertThat(type.isRecord()).isTrue();
            assertThat(type.getName()).startsWith("org.clinic.");
        });
    }

    @Test
    void every_live_event_type_round_trips_with_its_node() throws Exception {
        for (Class<? extends LiveEvent> type : codec.allowed().values()) {
            LiveEvent event = sample(type);
            LiveEventCodec.Message read = codec.read(bytes(codec.event("node-a", event)));
            assertThat(read.node()).isEqualTo("node-a");
            assertThat(read.kind()).isEqualTo(LiveEventCodec.Kind.EVENT);
            assertThat(read.event()).as(type.getName()).isEqualTo(event);
        }
    }

    @Test
    void nulls_round_trip_where_a_record_allows_them() {
        var changed = new org.clinic.appointment.AppointmentsChanged(UUID.randomUUID(), LocalDate.of(2026, 12, 7), null);
        assertThat(codec.read(bytes(codec.event("a", changed))).event()).isEqualTo(changed);
    }

    @Test
    void heartbeats_and_leaving_carry_only_the_node() {
        assertThat(codec.read(bytes(codec.heartbeat("n1")))).isEqualTo(
                new LiveEventCodec.Message("n1", LiveEventCodec.Kind.HEARTBEAT, null));
        assertThat(codec.read(bytes(codec.leaving("n1")))).isEqualTo(
                new LiveEventCodec.Message("n1", LiveEventCodec.Kind.LEAVING, null));
    }

    @Test
    void a_type_outside_the_allow_list_is_refused_whatever_it_names() {
        for (String type : List.of("java.util.HashMap", "java.lang.ProcessBuilder", "org.clinic.base.LiveUpdates",
                "base.LiveUpdates", "base.cluster.ClusterSettings", "../queue.QueueChanged", "")) {
            String message = "{\"node\":\"x\",\"kind\":\"event\",\"type\":\"" + type + "\",\"event\":{}}";
            assertThatThrownBy(() -> codec.read(bytes(message))).as(type)
                    .isInstanceOf(LiveEventCodec.Refused.class).hasMessageContaining("not an allowed live event");
        }
    }

    @Test
    void malformed_messages_are_refused() {
        for (String message : List.of("not json", "[]", "{}", "{\"node\":\"x\"}", "{\"node\":\"x\",\"kind\":\"other\"}",
                "{\"node\":1,\"kind\":\"heartbeat\"}", "{\"node\":\"x\",\"kind\":\"event\",\"type\":\"base.LiveResync\"}",
                "{\"node\":\"x\",\"kind\":\"event\",\"type\":\"queue.QueueChanged\",\"event\":{\"date\":\"soon\"}}",
                "{\"node\":\"x\",\"kind\":\"event\",\"type\":\"export.ExportProgressed\","
                        + "\"event\":{\"exportId\":{\"@class\":\"java.net.URL\"}}}")) {
            assertThatThrownBy(() -> codec.read(bytes(message))).as(message).isInstanceOf(LiveEventCodec.Refused.class);
        }
    }

    @Test
    void an_event_of_another_package_is_not_sent() {
        record Elsewhere() implements LiveEvent {
        }
        LiveEventCodec only = new LiveEventCodec(Map.of("base.LiveResync", LiveResync.class));
        assertThatThrownBy(() -> only.event("a", new Elsewhere())).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An instance with a made-up, non-default value in every component. */
    private static LiveEvent sample(Class<? extends LiveEvent> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getGenericType(), i);
        }
        Constructor<? extends LiveEvent> constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object value(Type type, int i) {
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Object element = value(generic.getActualTypeArguments()[0], i);
            if (raw == Set.class) {
                return Set.of(element);
            }
            if (raw == List.class) {
                return List.of(element);
            }
            throw new AssertionError("No sample for " + type + ": add one here");
        }
        Class<?> c = (Class<?>) type;
        if (c == UUID.class) return UUID.randomUUID();
        if (c == String.class) return "text-" + i + " é";
        if (c == LocalDate.class) return LocalDate.of(2026, 12, 7).plusDays(i);
        if (c == LocalTime.class) return LocalTime.of(9, 30).plusMinutes(i);
        if (c == Instant.class) return Instant.parse("2026-12-07T09:30:00.123456Z").plusSeconds(i);
        if (c == boolean.class || c == Boolean.class) return true;
        if (c == int.class || c == Integer.class) return 41 + i;
        if (c == long.class || c == Long.class) return 4_100_000_000L + i;
        if (c.isEnum()) return c.getEnumConstants()[c.getEnumConstants().length - 1];
        throw new AssertionError("No sample for " + type + ": add one here");
    }
}
