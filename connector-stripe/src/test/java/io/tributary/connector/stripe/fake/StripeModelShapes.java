package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import com.stripe.model.ExpandableField;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares served JSON with stripe-java's model classes, which are generated from the OpenAPI
 * spec of the API version stripe-java pins: a field the model lacks is a shape bug (stripe-java
 * would drop it silently), and so is a model field the JSON leaves out unless Stripe only sends
 * it on request.
 */
final class StripeModelShapes {

    private StripeModelShapes() {
    }

    /** Every JSON field, at any depth, that the model has no field for, as dotted paths. */
    static List<String> unknownFields(JsonNode json, Class<?> model) {
        List<String> unknown = new ArrayList<>();
        check(json, model, model.getSimpleName(), unknown);
        return unknown;
    }

    /** The model's top-level fields that the JSON does not carry. */
    static Set<String> missingFields(JsonNode json, Class<?> model) {
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, Field> field : fields(model).entrySet()) {
            if (field.getValue().isAnnotationPresent(SerializedName.class) && !json.has(field.getKey())) {
                missing.add(field.getKey());
            }
        }
        return missing;
    }

    private static void check(JsonNode json, Class<?> model, String path, List<String> unknown) {
        if (!json.isObject() || model.isInterface() || model == JsonObject.class || !StripeObject.class.isAssignableFrom(model)) {
            return;
        }
        if (StripeCollection.class.isAssignableFrom(model)) {
            Class<?> elementModel = collectionElement(model);
            for (Map.Entry<String, JsonNode> entry : json.properties()) {
                if (!Set.of("object", "data", "has_more", "url").contains(entry.getKey())) {
                    unknown.add(path + "." + entry.getKey());
                }
            }
            int i = 0;
            for (JsonNode element : json.path("data")) {
                check(element, elementModel, path + ".data[" + i++ + "]", unknown);
            }
            return;
        }
        Map<String, Field> fields = fields(model);
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            Field field = fields.get(entry.getKey());
            if (field == null) {
                unknown.add(path + "." + entry.getKey());
                continue;
            }
            checkValue(entry.getValue(), field.getGenericType(), path + "." + entry.getKey(), unknown);
        }
    }

    private static void checkValue(JsonNode value, Type type, String path, List<String> unknown) {
        if (value.isNull()) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (raw == ExpandableField.class) {
                checkValue(value, args[0], path, unknown);
            } else if (List.class.isAssignableFrom(raw)) {
                int i = 0;
                for (JsonNode element : value) {
                    checkValue(element, args[0], path + "[" + i++ + "]", unknown);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    checkValue(entry.getValue(), args[1], path + "." + entry.getKey(), unknown);
                }
            }
            return;
        }
        if (type instanceof Class<?> model && value.isObject()) {
            check(value, model, path, unknown);
        }
    }

    /** JSON name to field, through superclasses; unannotated fields use Gson's snake_case policy. */
    static Map<String, Field> fields(Class<?> model) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    continue;
                }
                SerializedName name = field.getAnnotation(SerializedName.class);
                fields.putIfAbsent(name != null ? name.value() : snakeCase(field.getName()), field);
            }
        }
        return fields;
    }

    private static Class<?> collectionElement(Class<?> collection) {
        for (Class<?> c = collection; c != null; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == StripeCollection.class
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
        }
        return Object.class;
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
