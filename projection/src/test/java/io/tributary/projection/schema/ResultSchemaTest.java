package io.tributary.projection.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSchemaTest {

    @Test
    void findsFieldsByName() {
        ResultSchema schema = ResultSchema.of(SchemaField.of("amount_cents", FieldKind.INTEGER),
                SchemaField.array("charges", SchemaField.of("id", FieldKind.STRING)));
        assertThat(schema.field("charges").flatMap(c -> c.child("id")))
                .contains(SchemaField.of("id", FieldKind.STRING));
        assertThat(schema.field("nope")).isEmpty();
    }

    @Test
    void knowsWhichFieldsAcceptAnyPath() {
        assertThat(SchemaField.of("x", FieldKind.ANY).acceptsAnyPath()).isTrue();
        assertThat(SchemaField.object("x").acceptsAnyPath()).isTrue();
        assertThat(SchemaField.array("x").acceptsAnyPath()).isTrue();
        assertThat(SchemaField.array("x", SchemaField.of("id", FieldKind.STRING)).acceptsAnyPath()).isFalse();
        assertThat(SchemaField.of("x", FieldKind.STRING).acceptsAnyPath()).isFalse();
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThatThrownBy(() -> new SchemaField("n", FieldKind.INTEGER, false, List.of(SchemaField.of("x", FieldKind.STRING))))
                .hasMessage("Field 'n' of kind INTEGER cannot have child fields");
        assertThatThrownBy(() -> ResultSchema.of(SchemaField.of("a", FieldKind.STRING), SchemaField.of("a", FieldKind.INTEGER)))
                .hasMessage("Duplicate field 'a' in the result");
        assertThatThrownBy(() -> SchemaField.object("o", SchemaField.of("a", FieldKind.STRING), SchemaField.of("a", FieldKind.STRING)))
                .hasMessage("Duplicate field 'a' in field 'o'");
        assertThatThrownBy(() -> SchemaField.of(" ", FieldKind.STRING)).hasMessage("A schema field needs a name");
    }

    @Test
    void copiesItsLists() {
        List<SchemaField> fields = new ArrayList<>(List.of(SchemaField.of("a", FieldKind.STRING)));
        ResultSchema schema = new ResultSchema(fields);
        fields.add(SchemaField.of("b", FieldKind.STRING));
        assertThat(schema.fields()).hasSize(1);
        assertThatThrownBy(() -> schema.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
