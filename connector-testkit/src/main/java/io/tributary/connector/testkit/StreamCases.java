package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;

/**
 * What the host relies on when it mirrors one stream: every record carries its primary key and its
 * creation time in the declared {@link io.tributary.connector.spi.CursorFormat}, and a creation
 * window returns only objects created inside it, by that same time.
 */
final class StreamCases {

    /** Pages read for the record checks: two of two, so paging is exercised on a small fake. */
    private static final int SMALL_PAGE = 2;
    /** The most pages read to find a window or read one: enough for a fake, bounded for a broken cursor. */
    private static final int MAX_PAGES = 10;
    private static final int LARGE_PAGE = 100;

    private final Streams streams;
    private final StreamDescriptor stream;
    private final Supplier<ConnectorContext> context;
    private final Optional<CreatedWindow> suppliedWindow;

    StreamCases(Streams streams, StreamDescriptor stream, Supplier<ConnectorContext> context, Optional<CreatedWindow> suppliedWindow) {
        this.streams = streams;
        this.stream = stream;
        this.context = context;
        this.suppliedWindow = suppliedWindow;
    }

    List<DynamicTest> tests() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(recordsCase(), this::recordsCarryKeyAndCreationTime));
        if (stream.createdFilter()) {
            tests.add(DynamicTest.dynamicTest(windowCase(), this::windowHonoured));
        }
        for (String field : stream.cursorChoices()) {
            String caseName = "stream " + stream.name() + ": read by " + field + ", in its order and after a value";
            tests.add(DynamicTest.dynamicTest(caseName, () -> readByChosenCursor(caseName, field)));
        }
        return tests;
    }

    private String recordsCase() {
        return "stream " + stream.name() + ": records carry their key and creation time";
    }

    private String windowCase() {
        return "stream " + stream.name() + ": a creation window is honoured";
    }

    private void recordsCarryKeyAndCreationTime() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < 2; page++) {
            StreamPage read = page(recordsCase(), new StreamReadRequest(stream.name(), cursor, null, SMALL_PAGE).withKey(chosenKey()));
            if (read.records().size() > SMALL_PAGE) {
                problems.add("a page asked for at most " + SMALL_PAGE + " records held " + read.records().size()
                        + ". To fix: return at most StreamReadRequest.pageSize() records");
            }
            for (ObjectNode record : read.records()) {
                problems.addAll(recordProblems(record, ids));
            }
            if (!read.hasMore()) {
                break;
            }
            cursor = read.nextCursor();
        }
        // An empty stream would pass the checks above without checking anything.
        Verdicts.check(!ids.isEmpty() || !problems.isEmpty(), recordsCase(), "the stream read no records, so its primary key '"
                + stream.primaryKey() + "' and cursor field '" + stream.cursorField().orElse("(none)") + "' could not be checked",
                "give your fake at least one record of '" + stream.name() + "'");
        Verdicts.assertNone(recordsCase(), problems);
    }

    private List<String> recordProblems(ObjectNode record, Set<String> ids) {
        List<String> problems = new ArrayList<>();
        JsonNode id = record.get(stream.primaryKey());
        if (id == null || id.isNull() || id.isContainerNode()) {
            problems.add("a record lacks its primary key '" + stream.primaryKey() + "': " + abbreviated(record)
                    + ". To fix: put the object's id in '" + stream.primaryKey() + "' or declare the key it has");
            return problems;
        }
        if (!ids.add(id.asText())) {
            problems.add("record " + id.asText() + " was read twice. To fix: continue each page after the previous one (StreamPage.nextCursor)");
        }
        if (stream.cursorField().isEmpty()) {
            return problems; // declared withoutCreationTime: nothing to read
        }
        String field = stream.cursorField().get();
        JsonNode created = record.get(field);
        if (stream.createdAt(record).isEmpty()) {
            problems.add("record " + id.asText() + ": its cursor field '" + field + "' is "
                    + (created == null ? "missing" : created.toString()) + ", which does not read as " + stream.cursorFormat().orElseThrow()
                    + ". To fix: write each object's creation time there as " + stream.cursorFormat().orElseThrow()
                    + ", declare the format it is in with StreamDescriptor.Builder.cursor(field, format), or build the stream "
                    + "withoutCreationTime() if its objects have none");
        }
        return problems;
    }

    private void windowHonoured() {
        CreatedWindow window = suppliedWindow.orElseGet(this::derivedWindow);
        List<ObjectNode> records = readAll(windowCase(), window);
        Verdicts.check(!records.isEmpty(), windowCase(), "the window " + describe(window) + " is known to hold records, but the read returned none",
                "honour StreamReadRequest.window() by the creation time the cursor field holds");
        List<String> problems = new ArrayList<>();
        for (ObjectNode record : records) {
            Optional<Instant> created = stream.createdAt(record);
            String id = record.path(stream.primaryKey()).asText();
            if (created.isEmpty()) {
                problems.add("record " + id + ": its creation time cannot be read, so the window cannot be checked. To fix: see the records case");
            } else if (!window.contains(created.get())) {
                problems.add("record " + id + " was created at " + created.get() + " ('" + stream.cursorField().orElseThrow() + "' = "
                        + record.get(stream.cursorField().orElseThrow()) + "), outside the window " + describe(window)
                        + ". To fix: return only objects created in [from, until), judged by the cursor field's time");
            }
        }
        Verdicts.assertNone(windowCase(), problems);
    }

    /**
     * A window that holds some records read and leaves out the oldest one, so a connector that
     * ignores windows returns a record outside it.
     */
    private CreatedWindow derivedWindow() {
        TreeSet<Instant> created = new TreeSet<>();
        for (ObjectNode record : readAll(windowCase(), null)) {
            stream.createdAt(record).ifPresent(created::add);
        }
        // Failing, not skipping: a window case that cannot run has checked nothing.
        Verdicts.check(!created.isEmpty(), windowCase(), "no creation time could be read from the stream, so no window is known "
                + "to hold records", "fix the records case first, or supply windowWithRecords");
        Instant from = created.size() > 1 ? created.higher(created.first()) : created.first();
        return new CreatedWindow(from, created.last().plusSeconds(1));
    }

    /**
     * The host reads a stream by a chosen field in that field's order, and next time from just
     * after the greatest value it read: so records come in non-decreasing order of the field, and a
     * read after a value returns only records with a greater one.
     */
    private void readByChosenCursor(String caseName, String field) {
        String fix = "when StreamReadRequest.cursorField() is set, return the records ordered by that field (then by key), "
                + "only those whose value is greater than StreamReadRequest.after()";
        List<ObjectNode> all = readAllBy(caseName, field, null);
        Verdicts.check(!all.isEmpty(), caseName, "the read by " + field + " returned no records", "give your fake records with " + field);
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            if (compare(all.get(i - 1).get(field), all.get(i).get(field)) > 0) {
                problems.add("record " + all.get(i).path(stream.primaryKey()).asText() + " (" + field + " = " + all.get(i).get(field)
                        + ") came after one with " + all.get(i - 1).get(field) + ". To fix: " + fix);
            }
        }
        JsonNode middle = all.get(all.size() / 2).get(field);
        for (ObjectNode record : readAllBy(caseName, field, middle)) {
            if (compare(record.get(field), middle) <= 0) {
                problems.add("a read after " + field + " = " + middle + " returned record " + record.path(stream.primaryKey()).asText()
                        + " with " + record.get(field) + ". To fix: " + fix);
            }
        }
        Verdicts.assertNone(caseName, problems);
    }

    /** Numbers by value, anything else by its text (ISO times and dates order so). */
    private static int compare(JsonNode left, JsonNode right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.asText().compareTo(right.asText());
    }

    /** For a stream without a key of its own, the first field it offers, as a person might choose; else none. */
    private List<String> chosenKey() {
        return stream.keyChoices().isEmpty() ? List.of() : List.of(stream.keyChoices().get(0));
    }

    private List<ObjectNode> readAllBy(String caseName, String field, JsonNode after) {
        List<ObjectNode> records = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            StreamPage read = page(caseName, new StreamReadRequest(stream.name(), cursor, null, SMALL_PAGE, field, after, chosenKey()));
            records.addAll(read.records());
            if (!read.hasMore()) {
                break;
            }
            cursor = read.nextCursor();
        }
        return records;
    }

    private List<ObjectNode> readAll(String caseName, CreatedWindow window) {
        List<ObjectNode> records = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            StreamPage read = page(caseName, new StreamReadRequest(stream.name(), cursor, window, LARGE_PAGE).withKey(chosenKey()));
            records.addAll(read.records());
            if (!read.hasMore()) {
                break;
            }
            cursor = read.nextCursor();
        }
        return records;
    }

    private StreamPage page(String caseName, StreamReadRequest request) {
        try {
            return streams.read(context.get(), request);
        } catch (ConnectorException e) {
            AssertionError error = Verdicts.failure(caseName, "reading " + request + " failed: " + e.errorCode().code()
                    + " (" + e.getMessage() + ")", "make the stream readable with contextWithValidCredentials() against your fake");
            error.initCause(e);
            throw error;
        }
    }

    private static String describe(CreatedWindow window) {
        return "[" + window.from() + ", " + window.until() + ")";
    }

    private static String abbreviated(JsonNode record) {
        String text = record.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
