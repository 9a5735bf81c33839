package io.tributary.connector.spi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stream of objects the host can mirror into its database, such as Stripe's customers. Build
 * one with {@link #builder}: {@code StreamDescriptor.builder("customers", "Customers.")
 * .cursor("created", CursorFormat.UNIX_SECONDS).incremental().createdFilter().build()}.
 *
 * <p>A stream's creation-time windows ({@link CreatedWindow}) and its cursor field mean the same
 * thing: the time the object was created in the outside system. Records must carry it, in
 * {@link #cursorFormat()}, and never change it. A stream whose objects have no creation time (line
 * items of an invoice, say) is built {@link Builder#withoutCreationTime()}: it is then read whole,
 * never by window, and its records fall in no creation window.
 *
 * <p>A stream built {@link Builder#pushed} (since SPI 2.2) is never read: its records arrive in
 * webhook deliveries, and the host keeps them for a {@link Retention}.
 */
// Serialised from its fields (named as its accessors), as it was as a record: hosts render forms from this JSON.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class StreamDescriptor {

    private final String name;
    private final String description;
    private final String primaryKey;
    private final String cursorField;
    private final CursorFormat cursorFormat;
    private final boolean incremental;
    private final boolean createdFilter;
    private final Retention retention;
    private final java.util.List<String> cursorChoices;
    private final java.util.List<String> keyChoices;

    private StreamDescriptor(Builder builder) {
        this.name = Checks.identifier(builder.name, "Stream name");
        this.description = Checks.text(builder.description, "description");
        this.primaryKey = Checks.identifier(builder.primaryKey, "primaryKey");
        this.cursorField = builder.cursorField == null ? null : Checks.identifier(builder.cursorField, "cursorField");
        this.cursorFormat = builder.cursorField == null ? null : Objects.requireNonNull(builder.cursorFormat, "cursorFormat");
        this.incremental = builder.incremental;
        this.createdFilter = builder.createdFilter;
        this.retention = builder.retention;
        this.cursorChoices = java.util.List.copyOf(builder.cursorChoices);
        this.cursorChoices.forEach(field -> Checks.text(field, "cursor choice"));
        this.keyChoices = java.util.List.copyOf(builder.keyChoices);
        this.keyChoices.forEach(field -> Checks.text(field, "key choice"));
        if (retention != null && !cursorChoices.isEmpty()) {
            throw new IllegalArgumentException("Stream '" + name + "' is pushed: it is never read, so it has no cursor to choose");
        }
        if (cursorField == null && (incremental || createdFilter)) {
            throw new IllegalArgumentException("Stream '" + name + "' has no creation time, so it can be neither incremental "
                    + "nor filtered by creation time");
        }
        if (retention != null && (cursorField == null || incremental || createdFilter)) {
            throw new IllegalArgumentException("Stream '" + name + "' is pushed, so it needs a creation time (its records are "
                    + "kept by age and queried by time) and is never read: it can be neither incremental nor filtered by creation time");
        }
    }

    /**
     * Starts a stream whose key is {@code id} and whose cursor is {@code created} in unix seconds,
     * read whole on every sync, until told otherwise.
     *
     * @param name the stream's name, such as {@code customers}
     * @param description what it holds, for people
     * @return a builder
     */
    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    /** @return the stream's name */
    public String name() {
        return name;
    }

    /** @return what it holds, for people */
    public String description() {
        return description;
    }

    /** @return the record field that identifies an object, usually {@code id} */
    public String primaryKey() {
        return primaryKey;
    }

    /** @return the record field holding each object's creation time, which orders the stream; empty when it has none */
    public Optional<String> cursorField() {
        return Optional.ofNullable(cursorField);
    }

    /** @return how the cursor field writes the time; empty when the stream has no creation time */
    public Optional<CursorFormat> cursorFormat() {
        return Optional.ofNullable(cursorFormat);
    }

    /**
     * A record's creation time, read from the cursor field in the cursor format.
     *
     * @param record a record of this stream
     * @return the time, or empty when the stream has no creation time or the record does not carry
     *     a readable one
     */
    public Optional<Instant> createdAt(JsonNode record) {
        if (cursorField == null || record == null) {
            return Optional.empty();
        }
        return cursorFormat.read(record.get(cursorField));
    }

    /**
     * Whether the host can keep the stream current after one backfill without reading it whole
     * again: new objects are read by creation time, changes to older ones come from the
     * connector's change feed where it has one, and a lookback window of recent objects is read
     * again as a safety net; when false the host re-reads the stream whole on every sync.
     *
     * @return whether the stream is incremental
     */
    public boolean incremental() {
        return incremental;
    }

    /**
     * Whether the outside system can filter the stream by creation time, so the host may read
     * several creation-time windows in parallel ({@link StreamReadRequest#window()}).
     *
     * @return whether windows are honoured
     */
    public boolean createdFilter() {
        return createdFilter;
    }

    /**
     * Whether the stream's records arrive in webhook deliveries instead of being read (since SPI
     * 2.2). The host never calls {@link Streams#read} for it. For each new event of a verified
     * delivery (an event id the source has not seen) that names the stream in
     * {@link WebhookEvent#staleStreams()}, the host stores the event's {@link WebhookEvent#object()}
     * as a record, keyed by {@link #primaryKey()}, in the transaction that records the event, so a
     * repeated delivery stores nothing twice. Every data source of the connector keeps the stream,
     * without being asked, for its {@link #retention()}. Queries answered from it
     * ({@link MirrorQueries}) need no catching up: the stream is current as soon as a delivery is
     * accepted. Only a connector with {@link Connector#webhooks()} may have one.
     *
     * @return whether the stream is pushed
     */
    public boolean pushed() {
        return retention != null;
    }

    /**
     * How long the host keeps a pushed stream's records (since SPI 2.2).
     *
     * @return the retention, or empty when the stream is not {@link #pushed()}
     */
    public Optional<Retention> retention() {
        return Optional.ofNullable(retention);
    }

    /**
     * The fields a person may choose to read the stream by, incrementally (since SPI 2.2): each
     * field's value only grows as records are added or changed (an {@code updated_at}, an increasing
     * id). A stream read by a chosen field is read in that field's order, after the greatest value
     * read before ({@link StreamReadRequest#cursorField()}, {@link StreamReadRequest#after()}):
     * changed and new records only, no creation windows and no lookback. Deletions are not seen that
     * way; only a full read finds them.
     *
     * @return the fields, in the order to offer them; empty when there is no choice
     */
    public java.util.List<String> cursorChoices() {
        return cursorChoices;
    }

    /**
     * The fields a person chooses among to identify records, for a stream with no key of its own (a
     * database view) (since SPI 2.2). When not empty, a person must name one or more of them; reads
     * then carry them ({@link StreamReadRequest#key()}), and the connector puts their values into
     * {@link #primaryKey()}'s field of each record.
     *
     * @return the fields; empty when the stream has its own key
     */
    public java.util.List<String> keyChoices() {
        return keyChoices;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamDescriptor that && name.equals(that.name) && description.equals(that.description)
                && primaryKey.equals(that.primaryKey) && Objects.equals(cursorField, that.cursorField)
                && cursorFormat == that.cursorFormat && incremental == that.incremental && createdFilter == that.createdFilter
                && Objects.equals(retention, that.retention) && cursorChoices.equals(that.cursorChoices)
                && keyChoices.equals(that.keyChoices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, primaryKey, cursorField, cursorFormat, incremental, createdFilter, retention, cursorChoices,
                keyChoices);
    }

    @Override
    public String toString() {
        return "StreamDescriptor[" + name + ", key " + primaryKey + (cursorField == null ? ", no creation time" : ", cursor " + cursorField + " " + cursorFormat)
                + (incremental ? ", incremental" : "") + (createdFilter ? ", created filter" : "")
                + (retention == null ? "" : ", pushed, kept " + retention.maxAgeDays() + " days or " + retention.maxRecords() + " records")
                + (cursorChoices.isEmpty() ? "" : ", read by a chosen " + cursorChoices)
                + (keyChoices.isEmpty() ? "" : ", keyed by a chosen " + keyChoices) + "]";
    }

    /** Builds a {@link StreamDescriptor}. */
    public static final class Builder {
        private final String name;
        private final String description;
        private String primaryKey = "id";
        private String cursorField = "created";
        private CursorFormat cursorFormat = CursorFormat.UNIX_SECONDS;
        private boolean incremental;
        private boolean createdFilter;
        private Retention retention;
        private java.util.List<String> cursorChoices = java.util.List.of();
        private java.util.List<String> keyChoices = java.util.List.of();

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        /**
         * The field that identifies an object.
         *
         * @param field such as {@code id}
         * @return this builder
         */
        public Builder primaryKey(String field) {
            this.primaryKey = field;
            return this;
        }

        /**
         * The field holding each object's creation time, and how it writes it.
         *
         * @param field such as {@code created}
         * @param format its format
         * @return this builder
         */
        public Builder cursor(String field, CursorFormat format) {
            this.cursorField = field;
            this.cursorFormat = format;
            return this;
        }

        /**
         * The stream's objects have no creation time: it is read whole on every sync, and can be
         * neither {@link #incremental()} nor {@link #createdFilter()}.
         *
         * @return this builder
         */
        public Builder withoutCreationTime() {
            this.cursorField = null;
            this.cursorFormat = null;
            return this;
        }

        /**
         * The host keeps the stream current after one backfill ({@link StreamDescriptor#incremental()}).
         *
         * @return this builder
         */
        public Builder incremental() {
            this.incremental = true;
            return this;
        }

        /**
         * The outside system filters the stream by creation time ({@link StreamDescriptor#createdFilter()}).
         *
         * @return this builder
         */
        public Builder createdFilter() {
            this.createdFilter = true;
            return this;
        }

        /**
         * The stream's records arrive in webhook deliveries and are kept for a retention
         * ({@link StreamDescriptor#pushed()}); it needs a creation time. Since SPI 2.2.
         *
         * @param retention how long the host keeps the records
         * @return this builder
         */
        public Builder pushed(Retention retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * The fields a person may choose to read the stream by, incrementally
         * ({@link StreamDescriptor#cursorChoices()}). Since SPI 2.2.
         *
         * @param fields record fields whose values only grow as records are added or changed
         * @return this builder
         */
        public Builder cursorChoices(String... fields) {
            this.cursorChoices = java.util.List.of(fields);
            return this;
        }

        /**
         * The stream has no key of its own: a person names which of these fields identify a record
         * ({@link StreamDescriptor#keyChoices()}). Since SPI 2.2.
         *
         * @param fields the fields to choose among
         * @return this builder
         */
        public Builder keyChoices(String... fields) {
            this.keyChoices = java.util.List.of(fields);
            return this;
        }

        /**
         * The stream.
         *
         * @return a checked descriptor
         * @throws IllegalArgumentException when a value is invalid
         */
        public StreamDescriptor build() {
            return new StreamDescriptor(this);
        }
    }
}
