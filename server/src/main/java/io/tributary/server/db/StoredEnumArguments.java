package io.tributary.server.db;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.enums.DatabaseValue;
import org.jdbi.v3.core.generic.GenericTypes;

/**
 * Binds a constant of an enum whose constants name their {@link DatabaseValue} as that text. Jdbi's
 * own enum binding reads the annotation too, but the PostgresPlugin replaces it with one that binds
 * every enum by name as a PostgreSQL enum type, which the text columns' check constraints refuse:
 * registered after the plugin, this one wins for the enums that say how they are stored.
 */
public final class StoredEnumArguments implements ArgumentFactory.Preparable {

    private static final ClassValue<Map<Object, String>> STORED = new ClassValue<>() {
        @Override
        protected Map<Object, String> computeValue(Class<?> type) {
            if (!type.isEnum()) {
                return Map.of();
            }
            Map<Object, String> values = new IdentityHashMap<>();
            for (Object constant : type.getEnumConstants()) {
                try {
                    DatabaseValue value = type.getField(((Enum<?>) constant).name()).getAnnotation(DatabaseValue.class);
                    if (value == null) {
                        return Map.of(); // not every constant says: the enum is not one of ours
                    }
                    values.put(constant, value.value());
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Collections.unmodifiableMap(values);
        }
    };

    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
        Map<Object, String> stored = STORED.get(GenericTypes.getErasedType(type));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value -> value == null ? new NullArgument(Types.VARCHAR)
                : (position, statement, context) -> statement.setString(position, stored.get(value)));
    }

    @Override
    public Optional<Argument> build(Type type, Object value, ConfigRegistry config) {
        return prepare(type, config).map(binding -> binding.apply(value));
    }
}
