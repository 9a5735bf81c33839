package io.tributary.connector.spi;

/**
 * A stream of objects the host can mirror into its database, such as Stripe's customers.
 *
 * @param name the stream's name, such as {@code customers}
 * @param description what it holds, for people
 * @param primaryKey the record field that identifies an object, usually {@code id}
 * @param cursorField the record field that orders the stream for incremental reads, such as
 *     {@code created}
 * @param incremental whether the host can keep the stream current after one backfill without
 *     reading it whole again: new objects are read by creation time, changes to older ones come
 *     from the connector's change feed ({@link Connector#readChanges}) where it reports them, and
 *     a lookback window of recent objects is read again as a safety net; when false the host
 *     re-reads the stream whole on every sync
 * @param createdFilter whether the outside system can filter the stream by creation time, so the
 *     host may read several creation-time windows in parallel
 */
public record StreamDescriptor(String name, String description, String primaryKey, String cursorField,
                               boolean incremental, boolean createdFilter) {

    /** Checks the inputs. */
    public StreamDescriptor {
        Checks.identifier(name, "Stream name");
        Checks.text(description, "description");
        Checks.identifier(primaryKey, "primaryKey");
        Checks.identifier(cursorField, "cursorField");
    }
}
