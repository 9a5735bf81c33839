package io.tributary.server.core;

import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ResultField;
import io.tributary.projection.schema.FieldKind;
import io.tributary.projection.schema.ResultSchema;
import io.tributary.projection.schema.SchemaField;
import java.util.List;

/**
 * Translates a query type's result fields (the connector SPI's words) into the projection module's
 * result schema: the two modules do not know each other, the server introduces them.
 */
final class ResultSchemas {

    private ResultSchemas() {
    }

    static ResultSchema of(List<ResultField> fields) {
        return new ResultSchema(fields.stream().map(ResultSchemas::field).toList());
    }

    private static SchemaField field(ResultField field) {
        return new SchemaField(field.name(), kind(field.type()), field.nullable(),
                field.fields().stream().map(ResultSchemas::field).toList());
    }

    /** A money amount is an integer in the currency's smallest unit to a projection; its currency format reads the unit. */
    private static FieldKind kind(FieldType type) {
        return type == FieldType.MONEY ? FieldKind.INTEGER : FieldKind.valueOf(type.name());
    }
}
