package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.Change;
import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ChangePage;
import io.tributary.connector.spi.ChangeRequest;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's change feed: the account's events ({@code GET /v1/events}), read oldest first after a
 * cursor.
 *
 * <p>The cursor is {@code <checkedAt>:<lastEventId>} (epoch seconds, then an event id or nothing):
 * every event up to and including {@code lastEventId} has been delivered, and the feed was known
 * complete up to {@code checkedAt}. Stripe lists events newest first and pages from an event with
 * {@code ending_before}, which gives the events just newer than it; that is the normal read. Stripe
 * keeps events for 30 days only, so the anchor event can vanish from a quiet feed: then the read
 * falls back to every event created since {@code checkedAt}, which a quiet feed keeps recent. A
 * cursor whose {@code checkedAt} is about to leave Stripe's history is expired: changes may have
 * been lost, and the host reads the streams again.
 */
final class StripeChangeFeed implements ChangeFeed {

    /** How long Stripe keeps events. */
    static final Duration RETENTION = Duration.ofDays(30);
    /** A cursor older than this is expired: an hour short of the retention, for clocks that disagree. */
    static final Duration EXPIRY = RETENTION.minusHours(1);
    /**
     * How long an event may take to show in the list after its creation time. A quiet feed moves
     * {@code checkedAt} to no later than now minus this, so a late event is still found.
     */
    static final Duration SKEW_ALLOWANCE = Duration.ofMinutes(5);

    private static final String EVENTS_PATH = StripeObject.EVENTS.path();
    private static final StripePermission PERMISSION = StripeObject.EVENTS.permission();
    private static final int MAX_LIMIT = 100;

    private final StripeSessions sessions;

    StripeChangeFeed(StripeSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String start(ConnectorContext context) {
        return startAt(sessions.open(context));
    }

    @Override
    public ChangePage read(ConnectorContext context, ChangeRequest request) {
        return readAfter(sessions.onDemand(context), request);
    }

    /**
     * An object as it is now, in the shape its stream reads it ({@link StripeObjectReader}); only
     * top-level streams' objects can be read alone.
     */
    @Override
    public Optional<ObjectNode> readObject(ConnectorContext context, String stream, String objectId) {
        StripeStream known = StripeStream.require(stream);
        return StripeObjectReader.read(sessions.onDemand(context), known, objectId);
    }

    /**
     * A position in the feed.
     *
     * @param checkedAt epoch seconds up to which the feed was known complete
     * @param lastEventId the newest event delivered, or null before the first
     */
    record Cursor(long checkedAt, String lastEventId) {

        // Twelve digits reach the year 33658; ids as Stripe mints them, within a path-safe length.
        private static final Pattern FORM = Pattern.compile("([0-9]{1,12}):(evt_[A-Za-z0-9_]{1,200})?");

        static Cursor parse(String text) {
            Matcher matcher = FORM.matcher(text);
            if (text.length() > 220 || !matcher.matches()) {
                // Never echo the input: it may be long, or not ours at all.
                throw ConnectorException.invalidParameter("cursor",
                        "Not a cursor of Stripe's change feed: " + text.length() + " characters of an unexpected form");
            }
            return new Cursor(Long.parseLong(matcher.group(1)), matcher.group(2));
        }

        String format() {
            return checkedAt + ":" + (lastEventId == null ? "" : lastEventId);
        }
    }

    /** Events read after a cursor, oldest first; {@code hasMore} when newer ones wait. */
    private record Batch(List<EventChanges.Event> events, boolean hasMore) {
    }

    /** Where the feed stands now: after the newest event, or at now less the skew allowance when there is none. */
    private static String startAt(StripeSession session) {
        JsonNode page = session.getJson(PERMISSION, EVENTS_PATH, query(1));
        long floor = session.clock().instant().minus(SKEW_ALLOWANCE).getEpochSecond();
        List<EventChanges.Event> newest = events(page);
        if (newest.isEmpty()) {
            return new Cursor(floor, null).format();
        }
        EventChanges.Event event = newest.get(0);
        // checkedAt no earlier than now less the skew: on a quiet account the newest event may be
        // nearly 30 days old, and a cursor at its time would expire as soon as it is read.
        return new Cursor(Math.max(event.created().getEpochSecond(), floor), event.id()).format();
    }

    /**
     * The changes after the request's cursor.
     *
     * @param sessions opens the session, once the request is known to be valid (so a malformed
     *     request reads no credentials)
     */
    private static ChangePage readAfter(Supplier<StripeSession> sessions, ChangeRequest request) {
        Cursor cursor = Cursor.parse(request.cursor());
        Set<String> streams = requestedStreams(request.streams());
        StripeSession session = sessions.get();
        Instant now = session.clock().instant();
        if (Duration.between(Instant.ofEpochSecond(cursor.checkedAt()), now).compareTo(EXPIRY) > 0) {
            return ChangePage.expired(startAt(session));
        }
        Optional<Batch> anchored = cursor.lastEventId() == null ? Optional.empty()
                : afterEvent(session, cursor.lastEventId(), request.pageSize());
        boolean anchorGone = cursor.lastEventId() != null && anchored.isEmpty();
        Batch batch = anchored.orElseGet(() -> since(session, cursor.checkedAt(), request.pageSize()));

        // Whole events only, and at most pageSize changes unless a single event holds more: the
        // cursor can only stand between events.
        List<Change> changes = new ArrayList<>();
        EventChanges.Event newest = null;
        boolean cut = false;
        for (EventChanges.Event event : batch.events()) {
            List<Change> ofEvent = EventChanges.of(event, streams);
            if (newest != null && changes.size() + ofEvent.size() > request.pageSize()) {
                cut = true;
                break;
            }
            changes.addAll(ofEvent);
            newest = event;
        }
        Cursor next;
        if (newest != null) {
            next = new Cursor(Math.max(newest.created().getEpochSecond(), cursor.checkedAt()), newest.id());
        } else {
            // Nothing new: the feed is complete up to now, less the time a late event may take to
            // show. An anchor that aged out of Stripe's history is dropped: it can no longer be read from.
            long checkedAt = Math.max(cursor.checkedAt(), now.minus(SKEW_ALLOWANCE).getEpochSecond());
            next = new Cursor(checkedAt, anchorGone ? null : cursor.lastEventId());
        }
        return ChangePage.of(changes, next.format(), batch.hasMore() || cut);
    }

    /** The events just newer than an event, or empty when Stripe no longer has that event. */
    private static Optional<Batch> afterEvent(StripeSession session, String eventId, int pageSize) {
        Map<String, List<String>> query = query(Math.min(MAX_LIMIT, pageSize));
        query.put("ending_before", List.of(eventId));
        return session.getJsonUnlessCursorMissing(PERMISSION, EVENTS_PATH, query, "ending_before").map(page -> {
            List<EventChanges.Event> events = new ArrayList<>(events(page));
            Collections.reverse(events); // Stripe sends the page newest first.
            return new Batch(events, page.path("has_more").asBoolean(false) && !events.isEmpty());
        });
    }

    /**
     * The oldest events created at or after {@code checkedAt}, at most {@code pageSize}. Stripe
     * lists newest first and cannot be asked for the oldest, so this pages through them all,
     * keeping only the oldest; it runs for quiet feeds (no anchor, or one that aged out), where
     * there are few.
     */
    private static Batch since(StripeSession session, long checkedAt, int pageSize) {
        Deque<EventChanges.Event> oldest = new ArrayDeque<>();
        boolean dropped = false;
        String after = null;
        while (true) {
            Map<String, List<String>> query = query(MAX_LIMIT);
            query.put("created[gte]", List.of(String.valueOf(checkedAt)));
            if (after != null) {
                query.put("starting_after", List.of(after));
            }
            JsonNode page = session.getJson(PERMISSION, EVENTS_PATH, query);
            List<EventChanges.Event> events = events(page);
            for (EventChanges.Event event : events) {
                oldest.addLast(event);
                if (oldest.size() > pageSize) {
                    oldest.removeFirst(); // the newest kept; a later read continues from the anchor
                    dropped = true;
                }
            }
            if (!page.path("has_more").asBoolean(false) || events.isEmpty()) {
                break;
            }
            after = events.get(events.size() - 1).id();
        }
        List<EventChanges.Event> oldestFirst = new ArrayList<>(oldest);
        Collections.reverse(oldestFirst);
        return new Batch(oldestFirst, dropped);
    }

    private static Map<String, List<String>> query(int limit) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("limit", List.of(String.valueOf(limit)));
        return query;
    }

    private static List<EventChanges.Event> events(JsonNode page) {
        JsonNode data = page.path("data");
        if (!data.isArray()) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "Stripe answered a list of events without data");
        }
        List<EventChanges.Event> events = new ArrayList<>(data.size());
        data.forEach(event -> events.add(EventChanges.event(event)));
        return events;
    }

    /** The requested streams, each checked to be one of Stripe's. */
    private static Set<String> requestedStreams(Set<String> names) {
        names.forEach(StripeStream::require);
        return names;
    }
}
