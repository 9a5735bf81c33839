package io.tributary.projection.support;

import static io.tributary.projection.schema.FieldKind.ANY;
import static io.tributary.projection.schema.FieldKind.INTEGER;
import static io.tributary.projection.schema.FieldKind.OBJECT;
import static io.tributary.projection.schema.FieldKind.STRING;
import static io.tributary.projection.schema.FieldKind.TIMESTAMP;

import io.tributary.projection.schema.ResultSchema;
import io.tributary.projection.schema.SchemaField;
import java.util.List;

/** Result schemas shaped like the Stripe connector's query types. */
public final class Schemas {

    private Schemas() {}

    /** MRR: {"amount_cents", "currency", "subscriptions", "by_currency": [{currency, amount_cents, subscriptions}]}. */
    public static final ResultSchema MRR = ResultSchema.of(
            SchemaField.of("amount_cents", INTEGER),
            SchemaField.of("currency", STRING),
            SchemaField.of("subscriptions", INTEGER),
            SchemaField.array("by_currency",
                    SchemaField.of("currency", STRING),
                    SchemaField.of("amount_cents", INTEGER),
                    SchemaField.of("subscriptions", INTEGER)));

    /** Recent charges, plus an unchecked metadata object and an ANY field. */
    public static final ResultSchema CHARGES = ResultSchema.of(
            SchemaField.array("charges",
                    SchemaField.of("id", STRING),
                    SchemaField.of("amount_cents", INTEGER),
                    SchemaField.of("currency", STRING),
                    SchemaField.of("status", STRING),
                    SchemaField.of("created_at_unix", TIMESTAMP),
                    SchemaField.nullable("customer_email", STRING)),
            SchemaField.object("account", SchemaField.of("name", STRING), SchemaField.of("default_currency", STRING)),
            new SchemaField("metadata", OBJECT, true, List.of()),
            SchemaField.of("extra", ANY));
}
