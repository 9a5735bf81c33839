package io.tributary.connector.spi;

/**
 * How long the host keeps the records of a {@link StreamDescriptor#pushed() pushed} stream: a
 * record goes when it is older than {@code maxAgeDays} (by its creation time) or when
 * {@code maxRecords} newer ones are kept, whichever comes first. Since SPI 2.2.
 *
 * @param maxAgeDays the most days a record is kept, 1 to 36,500
 * @param maxRecords the most records kept per data source, 1 to 100,000,000
 */
public record Retention(int maxAgeDays, long maxRecords) {

    /** The largest {@code maxAgeDays}: a hundred years. */
    public static final int MAX_AGE_DAYS = 36_500;
    /** The largest {@code maxRecords}. */
    public static final long MAX_RECORDS = 100_000_000L;

    /** Checks the inputs. */
    public Retention {
        if (maxAgeDays < 1 || maxAgeDays > MAX_AGE_DAYS) {
            throw new IllegalArgumentException("A retention keeps records 1 to " + MAX_AGE_DAYS + " days, not " + maxAgeDays);
        }
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw new IllegalArgumentException("A retention keeps 1 to " + MAX_RECORDS + " records, not " + maxRecords);
        }
    }
}
