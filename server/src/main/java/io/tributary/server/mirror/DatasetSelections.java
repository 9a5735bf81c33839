package io.tributary.server.mirror;

import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.server.api.DatasetRequests;
import io.tributary.server.db.DatasetStreamRow;
import io.tributary.server.db.StreamMode;
import io.tributary.server.problems.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a requested selection of streams against the connector's streams and what the
 * credentials can read, and resolves defaults. A stream the credentials cannot read is refused
 * with the permission to add, rather than accepted and left failing; so is one whose readability
 * the last check could not tell, with its reason, rather than taken as readable.
 */
public final class DatasetSelections {

    /** Selects every stream the credentials can read. */
    public static final String EVERY_READABLE = "*";
    static final int MAX_LOOKBACK_DAYS = 365;

    /**
     * A stream's settings, resolved.
     *
     * @param cursorField the field a person chose to read it by, or null
     * @param key the fields a person chose to identify its records; empty when it has its own key
     */
    public record Resolved(String stream, StreamMode mode, Instant startDate, int lookbackDays, String cursorField, List<String> key) {
    }

    private DatasetSelections() {
    }

    /**
     * @param requested the request's selection; null entries are refused
     * @param capabilities what the credentials could read at their last check
     * @param now the server's clock, for refusing a start date in the future
     * @return the selection by stream name, in request order
     */
    public static Map<String, Resolved> resolve(List<DatasetRequests.Selection> requested, List<StreamDescriptor> sourceStreams,
                                                List<CapabilityStatus> capabilities, Instant now) {
        Map<String, Resolved> resolved = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            DatasetRequests.Selection selection = requested.get(i);
            String field = "datasets[" + i + "]";
            if (selection == null || selection.stream() == null || selection.stream().isBlank()) {
                throw new InvalidInput(field + ".stream", "Each dataset names a stream, or \"*\" for every stream the key can read");
            }
            List<StreamDescriptor> streams = EVERY_READABLE.equals(selection.stream())
                    ? sourceStreams.stream().filter(stream -> !stream.pushed() && stream.keyChoices().isEmpty())
                            .filter(stream -> notReadable(capabilities, stream.name()).isEmpty()).toList()
                    : List.of(sourceStreams.stream().filter(stream -> stream.name().equals(selection.stream())).findFirst()
                            .orElseThrow(() -> new InvalidInput(field + ".stream", "There is no stream '" + selection.stream() + "'; streams: "
                                    + String.join(", ", sourceStreams.stream().map(StreamDescriptor::name).toList()))));
            for (StreamDescriptor stream : streams) {
                if (stream.pushed()) {
                    throw new InvalidInput("stream_pushed", field + ".stream", "The stream '" + stream.name() + "' arrives in webhook "
                            + "deliveries and every data source keeps it, for the connector's retention: leave it out of the selection");
                }
                if (!EVERY_READABLE.equals(selection.stream())) {
                    notReadable(capabilities, stream.name()).ifPresent(status -> {
                        throw refusal(status, field);
                    });
                }
                if (resolved.containsKey(stream.name()) && !EVERY_READABLE.equals(selection.stream())) {
                    throw new InvalidInput(field + ".stream", "The stream '" + stream.name() + "' is selected twice");
                }
                Instant startDate = startDate(selection.startDate(), now, field);
                if (startDate != null && !stream.createdFilter()) {
                    if (!EVERY_READABLE.equals(selection.stream())) {
                        throw new InvalidInput(field + ".startDate", "The stream '" + stream.name()
                                + "' cannot be filtered by creation time: it is read whole; leave startDate out");
                    }
                    startDate = null; // "*" with a start date: it applies where it can
                }
                String cursorField = cursorField(selection.cursorField(), stream, field);
                if (cursorField != null && startDate != null) {
                    throw new InvalidInput(field + ".startDate", "A stream read by a chosen cursor field is read from its start: leave startDate out");
                }
                resolved.put(stream.name(), new Resolved(stream.name(), cursorField == null ? mode(selection.mode(), stream, field)
                        : cursorMode(selection.mode(), field), startDate, lookback(selection.lookbackDays(), field), cursorField,
                        key(selection.key(), stream, field, EVERY_READABLE.equals(selection.stream()))));
            }
        }
        return resolved;
    }

    /** Whether a stored stream's settings differ from a new selection in a way that needs a fresh backfill. */
    public static boolean needsFreshBackfill(DatasetStreamRow current, String currentCursorField, List<String> currentKey, Resolved next) {
        return current.mode() != next.mode() || !java.util.Objects.equals(current.startDate(), next.startDate())
                || !java.util.Objects.equals(currentCursorField, next.cursorField()) || !currentKey.equals(next.key());
    }

    /** The chosen key: required for a stream without a key of its own (the same key for every stream of "*" is refused), refused for one with. */
    private static List<String> key(List<String> requested, StreamDescriptor stream, String field, boolean everyStream) {
        List<String> key = requested == null ? List.of() : requested;
        if (stream.keyChoices().isEmpty()) {
            if (!key.isEmpty() && !everyStream) {
                throw new InvalidInput(field + ".key", "The stream '" + stream.name() + "' has its own key (" + stream.primaryKey() + "): leave key out");
            }
            return List.of();
        }
        if (key.isEmpty() || everyStream) {
            throw new InvalidInput("key_required", field + (everyStream ? ".stream" : ".key"), "The stream '" + stream.name()
                    + "' has no key of its own: select it by name with \"key\", the fields that identify a row, among "
                    + String.join(", ", stream.keyChoices()));
        }
        for (String name : key) {
            if (!stream.keyChoices().contains(name)) {
                throw new InvalidInput(field + ".key", "The stream '" + stream.name() + "' has no field '" + name + "' to key by; fields: "
                        + String.join(", ", stream.keyChoices()));
            }
        }
        if (key.size() != new java.util.HashSet<>(key).size()) {
            throw new InvalidInput(field + ".key", "A key names each field once");
        }
        return List.copyOf(key);
    }

    /** The chosen cursor field, if any: one of the stream's choices, exactly. */
    private static String cursorField(String requested, StreamDescriptor stream, String field) {
        if (requested == null) {
            return null;
        }
        if (!stream.cursorChoices().contains(requested)) {
            throw new InvalidInput(field + ".cursorField", stream.cursorChoices().isEmpty()
                    ? "The stream '" + stream.name() + "' has no field to read it by incrementally: leave cursorField out"
                    : "The stream '" + stream.name() + "' can be read by " + String.join(", ", stream.cursorChoices()) + ", not '" + requested + "'");
        }
        return requested;
    }

    /** A stream read by a chosen cursor is incremental; asking for a full refresh with a cursor is a contradiction. */
    private static StreamMode cursorMode(String requested, String field) {
        if (requested != null && StreamMode.of(requested).orElse(null) != StreamMode.INCREMENTAL) {
            throw new InvalidInput(field + ".mode", "A stream read by a chosen cursor field is incremental: leave mode out or use incremental");
        }
        return StreamMode.INCREMENTAL;
    }

    /** Empty when the credentials can read the stream, else the status saying they cannot or that it is unknown. */
    private static Optional<CapabilityStatus> notReadable(List<CapabilityStatus> capabilities, String stream) {
        return capabilities.stream()
                .filter(status -> status.kind() == CapabilityStatus.Kind.STREAM && status.id().equals(stream) && !status.available())
                .findFirst();
    }

    private static InvalidInput refusal(CapabilityStatus status, String field) {
        if (status.status() == CapabilityStatus.Status.UNKNOWN) {
            return new InvalidInput("stream_readability_unknown", field + ".stream", "Whether the credentials can read the stream '"
                    + status.id() + "' is unknown (" + status.reason() + "): test the data source again, and select the stream once it is readable");
        }
        String permission = status.missingPermission() == null ? "read access" : status.missingPermission();
        return new InvalidInput("stream_not_readable", field + ".stream", "The credentials cannot read the stream '" + status.id()
                + "': grant " + permission + " and test the data source again");
    }

    private static StreamMode mode(String requested, StreamDescriptor stream, String field) {
        if (requested == null) {
            return stream.incremental() ? StreamMode.INCREMENTAL : StreamMode.FULL_REFRESH;
        }
        StreamMode mode = StreamMode.of(requested)
                .orElseThrow(() -> new InvalidInput(field + ".mode", "mode must be incremental or full_refresh"));
        if (mode == StreamMode.INCREMENTAL && !stream.incremental()) {
            throw new InvalidInput(field + ".mode", "The stream '" + stream.name() + "' can only be read in full: use full_refresh");
        }
        return mode;
    }

    private static Instant startDate(String requested, Instant now, String field) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        Instant start;
        try {
            start = requested.length() == 10 ? LocalDate.parse(requested).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(requested);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field + ".startDate", "startDate must be a date (2024-01-01) or an instant (2024-01-01T00:00:00Z)");
        }
        if (start.isAfter(now)) {
            throw new InvalidInput(field + ".startDate", "startDate must not be in the future");
        }
        return start;
    }

    private static int lookback(Integer requested, String field) {
        if (requested == null) {
            return 0;
        }
        if (requested < 0 || requested > MAX_LOOKBACK_DAYS) {
            throw new InvalidInput(field + ".lookbackDays", "lookbackDays must be 0 to " + MAX_LOOKBACK_DAYS);
        }
        return requested;
    }
}
