package io.tributary.server.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.api.DatasetRecordPage;
import io.tributary.server.db.DatasetRecordSearch;
import io.tributary.server.problems.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Pages through a dataset's records, newest first, with a keyset cursor (stable while records
 * change, and as fast on page 1,000 as on page 1), creation-time bounds and field filters.
 */
public final class DatasetRecords {

    /** What to read. */
    public record RecordQuery(int limit, String cursor, Instant createdGte, Instant createdLt, List<FieldFilter> filters,
                              boolean includeDeleted) {
    }

    /**
     * Records whose field at {@code path} (dotted, such as {@code metadata.plan}) has this value as
     * text: {@code status=active}, {@code amount=2000}, {@code livemode=false}.
     */
    public record FieldFilter(List<String> path, String value) {
    }

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final int MAX_FILTERS = 10;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_]{1,100}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public DatasetRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public DatasetRecordPage page(String dataSourceId, String stream, RecordQuery query) {
        DatasetRecordSearch search = DatasetRecordSearch.of(dataSourceId, stream);
        if (!query.includeDeleted()) {
            search.live();
        }
        if (query.createdGte() != null) {
            search.createdFrom(query.createdGte());
        }
        if (query.createdLt() != null) {
            search.createdBefore(query.createdLt());
        }
        query.filters().forEach(filter -> search.fieldEquals(filter.path(), filter.value()));
        if (query.cursor() != null) {
            Position after = Position.decode(query.cursor());
            search.after(after.sortTime(), after.objectId());
        }
        // One more than the page, to tell whether another follows.
        List<DatasetRecordSearch.Found> rows = jdbi.withHandle(handle -> search.list(handle, query.limit() + 1));
        List<DatasetRecordPage.DatasetRecord> records = new ArrayList<>();
        for (DatasetRecordSearch.Found row : rows.subList(0, Math.min(rows.size(), query.limit()))) {
            records.add(new DatasetRecordPage.DatasetRecord(row.objectId(), row.createdAt(), row.versionAt(), row.deleted(), read(row.data())));
        }
        String next = rows.size() > query.limit() ? new Position(rows.get(query.limit() - 1).sortTime(),
                rows.get(query.limit() - 1).objectId()).encode() : null;
        return new DatasetRecordPage(records, next);
    }

    /** Parses the {@code filter} query parameters: {@code path=value}, the path dotted. */
    public static List<FieldFilter> filters(List<String> given) {
        if (given.size() > MAX_FILTERS) {
            throw new InvalidInput("filter", "At most " + MAX_FILTERS + " filters");
        }
        List<FieldFilter> filters = new ArrayList<>();
        for (String filter : given) {
            int equals = filter.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInput("filter", "A filter is field=value, such as status=active or metadata.plan=pro");
            }
            List<String> path = List.of(filter.substring(0, equals).split("\\.", -1));
            if (path.stream().anyMatch(segment -> !SEGMENT.matcher(segment).matches())) {
                throw new InvalidInput("filter", "A filter's field is a dotted path of letters, digits and underscores");
            }
            filters.add(new FieldFilter(path, filter.substring(equals + 1)));
        }
        return filters;
    }

    /** Parses a time bound: an instant, a date (midnight UTC) or Unix seconds. */
    public static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.chars().allMatch(Character::isDigit) && value.length() <= 12) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " must be an instant (2024-01-01T00:00:00Z), a date (2024-01-01) or Unix seconds");
        }
    }

    /** Where a page ended: the last record's sort time and id. */
    private record Position(Timestamp sortTime, String objectId) {
        String encode() {
            String time = isMinusInfinity(sortTime)
                    ? "-" : String.valueOf(sortTime.toInstant().getEpochSecond()) + "." + sortTime.getNanos();
            return Base64.getUrlEncoder().withoutPadding().encodeToString((time + "|" + objectId).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                if (bar <= 0 || bar == text.length() - 1) {
                    throw new IllegalArgumentException();
                }
                String time = text.substring(0, bar);
                Timestamp sortTime;
                if (time.equals("-")) {
                    sortTime = new Timestamp(MINUS_INFINITY);
                } else {
                    int dot = time.indexOf('.');
                    sortTime = Timestamp.from(Instant.ofEpochSecond(Long.parseLong(time.substring(0, dot)), Long.parseLong(time.substring(dot + 1))));
                }
                return new Position(sortTime, text.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new InvalidInput("cursor", "Not a cursor this endpoint returned");
            }
        }
    }

    /** How the PostgreSQL driver hands over {@code -infinity}. */
    private static final long MINUS_INFINITY = org.postgresql.PGStatement.DATE_NEGATIVE_INFINITY;

    private static boolean isMinusInfinity(Timestamp timestamp) {
        return timestamp.getTime() == MINUS_INFINITY;
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON could not be read", e);
        }
    }
}
