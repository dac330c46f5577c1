package org.clinic.base.cluster;

import org.clinic.base.LiveEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What travels between nodes, as JSON: {@code {"node": "a1b2c3d4", "kind": "event", "type": "queue.QueueChanged",
 * "event": {...}}}, a heartbeat ({@code "kind": "heartbeat"}) or a node leaving ({@code "kind": "leaving"}).
 * <p>
 * Only the {@link LiveEvent} records of the clinic's own packages can be read back, found once on the class path
 * and named by their class name below {@code org.clinic}: a message naming anything else is refused, and no class is
 * ever chosen from what a message says beyond this list. A record is written and read component by component
 * (each through Jackson, by its declared type) and built through its canonical constructor, so its own checks run.
 */
public final class LiveEventCodec {

    static final String BASE_PACKAGE = "org.clinic";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Class<? extends LiveEvent>> allowed;

    public LiveEventCodec() {
        this(scan());
    }

    LiveEventCodec(Map<String, Class<? extends LiveEvent>> allowed) {
        this.allowed = Map.copyOf(allowed);
    }

    /** The event types this node accepts from the bus, by type name. */
    public Map<String, Class<? extends LiveEvent>> allowed() {
        return allowed;
    }

    public String event(String node, LiveEvent event) {
        Class<? extends LiveEvent> type = event.getClass();
        String name = typeName(type);
        if (allowed.get(name) != type) {
            throw new IllegalArgumentException(type.getName() + " is not a live event record of the clinic");
        }
        ObjectNode body = json.createObjectNode();
        for (RecordComponent component : type.getRecordComponents()) {
            try {
                body.set(component.getName(), json.valueToTree(component.getAccessor().invoke(event)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + component + " of " + type.getName(), e);
            }
        }
        ObjectNode message = envelope(node, Kind.EVENT);
        message.put("type", name);
        message.set("event", body);
        return json.writeValueAsString(message);
    }

    public String heartbeat(String node) {
        return json.writeValueAsString(envelope(node, Kind.HEARTBEAT));
    }

    public String leaving(String node) {
        return json.writeValueAsString(envelope(node, Kind.LEAVING));
    }

    /** Reads a message; anything malformed or naming a type outside the allow-list is refused. */
    public Message read(byte[] bytes) {
        JsonNode message;
        try {
            message = json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new Refused("not JSON");
        }
        String node = text(message, "node");
        Kind kind = switch (text(message, "kind")) {
            case "event" -> Kind.EVENT;
            case "heartbeat" -> Kind.HEARTBEAT;
            case "leaving" -> Kind.LEAVING;
            default -> throw new Refused("unknown kind");
        };
        if (kind != Kind.EVENT) {
            return new Message(node, kind, null);
        }
        String name = text(message, "type");
        Class<? extends LiveEvent> type = allowed.get(name);
        if (type == null) {
            throw new Refused("type '" + name + "' is not an allowed live event");
        }
        JsonNode body = message.get("event");
        if (body == null || !body.isObject()) {
            throw new Refused("no event body");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            JsonNode value = body.get(components[i].getName());
            try {
                values[i] = value == null || value.isNull() ? null
                        : json.treeToValue(value, json.constructType(components[i].getGenericType()));
            } catch (JacksonException e) {
                throw new Refused("bad value of " + name + "." + components[i].getName());
            }
        }
        try {
            Constructor<? extends LiveEvent> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return new Message(node, kind, constructor.newInstance(values));
        } catch (InvocationTargetException | IllegalArgumentException e) {
            throw new Refused("invalid " + name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getName(), e);
        }
    }

    private ObjectNode envelope(String node, Kind kind) {
        ObjectNode message = json.createObjectNode();
        message.put("node", node);
        message.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        return message;
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.isString()) {
            throw new Refused("no " + field);
        }
        return value.asString();
    }

    static String typeName(Class<?> type) {
        return type.getName().substring(BASE_PACKAGE.length() + 1);
    }

    /** Every record of the clinic's packages that is a {@link LiveEvent}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends LiveEvent>> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(LiveEvent.class));
        Map<String, Class<? extends LiveEvent>> found = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(String.valueOf(candidate.getBeanClassName()),
                    LiveEventCodec.class.getClassLoader());
            if (type.isRecord() && LiveEvent.class.isAssignableFrom(type)
                    && type.getName().startsWith(BASE_PACKAGE + ".")) {
                found.put(typeName(type), (Class<? extends LiveEvent>) type);
            }
        }
        return found;
    }

    public enum Kind { EVENT, HEARTBEAT, LEAVING }

    /** One message read from the bus; {@code event} only for {@link Kind#EVENT}. */
    public record Message(String node, Kind kind, @Nullable LiveEvent event) {
    }

    /** A message this node will not act on (malformed, or a type outside the allow-list). */
    public static final class Refused extends IllegalArgumentException {
        Refused(String reason) {
            super(reason);
        }
    }
}
