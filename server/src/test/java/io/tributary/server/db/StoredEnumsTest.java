package io.tributary.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.enums.DatabaseValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each enum a row stores is stored as the API shows it (its {@code @DatabaseValue} is its JSON id),
 * and as exactly the values its column's check constraint allows.
 */
class StoredEnumsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration/server");

    static Stream<Arguments> storedEnums() {
        return Stream.of(
                Arguments.of(SourceStatus.class, "status", (Function<SourceStatus, String>) SourceStatus::id),
                Arguments.of(StreamMode.class, "mode", (Function<StreamMode, String>) StreamMode::id),
                Arguments.of(StreamState.class, "state", (Function<StreamState, String>) StreamState::id),
                Arguments.of(TokenScope.class, "scope", (Function<TokenScope, String>) TokenScope::id),
                Arguments.of(AnsweredFrom.class, null, (Function<AnsweredFrom, String>) AnsweredFrom::id));
    }

    @ParameterizedTest
    @MethodSource("storedEnums")
    <E extends Enum<E>> void storedAsShownAndAsTheColumnAllows(Class<E> type, String column, Function<E, String> id) throws IOException {
        Set<String> stored = new LinkedHashSet<>();
        for (E constant : type.getEnumConstants()) {
            String value = databaseValue(type, constant);
            assertThat(value).as(constant + " is stored as it is shown").isEqualTo(id.apply(constant));
            stored.add(value);
        }
        if (column != null) {
            assertThat(stored).as("the values " + column + " may hold").containsExactlyInAnyOrderElementsOf(allowed(column));
        }
    }

    private static <E extends Enum<E>> String databaseValue(Class<E> type, E constant) {
        try {
            DatabaseValue value = type.getField(constant.name()).getAnnotation(DatabaseValue.class);
            assertThat(value).as(constant + " names its database value").isNotNull();
            return value.value();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The values of the column's {@code CHECK (column IN (...))} as the migrations leave it: the
     * latest migration (by version) that writes one wins, as it replaced the earlier.
     */
    private static List<String> allowed(String column) throws IOException {
        Pattern check = Pattern.compile("CHECK \\(" + column + " IN \\(([^)]*)\\)\\)");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<String> found = files.sorted(java.util.Comparator.comparingInt(StoredEnumsTest::version)).flatMap(file -> {
                try {
                    Matcher matcher = check.matcher(Files.readString(file));
                    return matcher.find() ? Stream.of(matcher.group(1)) : Stream.empty();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(found).as("checks of " + column).isNotEmpty();
            return Arrays.stream(found.get(found.size() - 1).split(",")).map(value -> value.trim().replace("'", "")).collect(Collectors.toList());
        }
    }

    /** A migration's version: V12__name.sql is 12. */
    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
