package io.tributary.connector.stripe;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything reachable from a root through instance fields, for tests that check what a long-lived
 * object keeps. Classes outside the JDK are read field by field (stripe-java's included); JDK maps,
 * collections, arrays, optionals and atomic references are read through their API; other JDK
 * values (numbers, times, patterns, classes) are leaves. Text is collected from strings and from
 * {@code char[]} and {@code byte[]} arrays, with the field it was found in. Walk only what no other
 * thread is changing: it takes no locks.
 */
final class ReachableObjects {

    /** An object still to visit, and the field it was reached through. */
    private record Pending(Object object, String via) {
    }

    /** A text found, and the field holding it. */
    private record Text(String text, String via) {
    }

    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Text> texts = new ArrayList<>();

    private ReachableObjects() {
    }

    static ReachableObjects from(Object root) {
        ReachableObjects reachable = new ReachableObjects();
        reachable.walk(root);
        return reachable;
    }

    /** The fields holding a reachable text that contains {@code needle}; the needle itself is not repeated. */
    List<String> fieldsHoldingTextContaining(String needle) {
        return texts.stream().filter(text -> text.text().contains(needle)).map(Text::via).toList();
    }

    /** How many texts were reached, so a test can tell a walk that found nothing from one that saw nothing. */
    int textCount() {
        return texts.size();
    }

    /** The reachable instances of a type. */
    <T> List<T> instancesOf(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void walk(Object root) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(root, "root"));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            Object object = next.object();
            if (!seen.add(object)) {
                continue;
            }
            String via = next.via();
            if (object instanceof String text) {
                texts.add(new Text(text, via));
            } else if (object instanceof char[] chars) {
                texts.add(new Text(new String(chars), via));
            } else if (object instanceof byte[] bytes) {
                texts.add(new Text(new String(bytes, StandardCharsets.UTF_8), via));
            } else if (object.getClass().isArray()) {
                if (!object.getClass().getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(object); i++) {
                        push(pending, Array.get(object, i), via + "[]");
                    }
                }
            } else if (object instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    push(pending, key, via + " key");
                    push(pending, value, via + " value");
                });
                fields(object, pending); // a subclass of ours may add fields of its own
            } else if (object instanceof Collection<?> collection) {
                collection.forEach(element -> push(pending, element, via + " element"));
                fields(object, pending);
            } else if (object instanceof Optional<?> optional) {
                optional.ifPresent(value -> push(pending, value, via));
            } else if (object instanceof AtomicReference<?> reference) {
                push(pending, reference.get(), via);
            } else {
                fields(object, pending);
            }
        }
    }

    /** The instance fields declared by the object's classes outside the JDK. */
    private static void fields(Object object, Deque<Pending> pending) {
        for (Class<?> type = object.getClass(); type != null && !inJdk(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    push(pending, field.get(object), type.getName() + "." + field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
    }

    private static void push(Deque<Pending> pending, Object object, String via) {
        if (object != null) {
            pending.push(new Pending(object, via));
        }
    }

    private static boolean inJdk(Class<?> type) {
        String module = type.getModule().getName();
        return module != null && (module.startsWith("java.") || module.startsWith("jdk."));
    }
}
