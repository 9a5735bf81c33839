package io.tributary.connector.postgres;

import io.tributary.connector.spi.FieldType;
import java.util.Objects;

/**
 * One column of a result.
 *
 * @param name its name, the key in each row object
 * @param databaseType PostgreSQL's type name, such as {@code int4}, {@code timestamptz} or {@code _text}
 * @param type the SPI type its values are written as
 */
public record ResultColumn(String name, String databaseType, FieldType type) {

    /** Checks the inputs. */
    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(databaseType, "databaseType");
        Objects.requireNonNull(type, "type");
    }
}
