package io.tributary.projection.spec;

import static io.tributary.projection.support.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The spec records check and copy what they are given, so a spec cannot be invalid or change later. */
class SpecModelTest {

    private static final SourcePath X = SourcePath.parse("x");

    @Test
    void copiesTheFieldMapAndKeepsItsOrder() {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        fields.put("b", new SourceField(X, new RawFormatSpec()));
        fields.put("a", new LiteralField(json("1")));
        ProjectionSpec spec = new ProjectionSpec(fields);
        fields.put("c", new LiteralField(json("2")));

        assertThat(spec.fields().keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> spec.fields().put("d", new LiteralField(json("3"))))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsItsOwnCopyOfLiterals() {
        ObjectNode value = (ObjectNode) json("{'k': 1}");
        LiteralField literal = new LiteralField(value);
        value.put("k", 2);
        ((ObjectNode) literal.value()).put("k", 3);
        assertThat(literal.value()).isEqualTo(json("{'k': 1}"));
    }

    @Test
    void rejectsInvalidValues() {
        assertThatThrownBy(() -> new ProjectionSpec(Map.of())).hasMessage("A spec needs at least one field");
        assertThatThrownBy(() -> new ProjectionSpec(Map.of("9lives", new LiteralField(null))))
                .hasMessageStartingWith("Field name '9lives' must start with a letter");
        assertThatThrownBy(() -> new SourceField(SourcePath.ROOT, new RawFormatSpec())).hasMessage("A source field needs a path");
        ProjectionSpec each = new ProjectionSpec(Map.of("a", new LiteralField(null)));
        assertThatThrownBy(() -> new ListField(X, each, OptionalInt.of(0))).hasMessage("limit must be at least 1, got 0");
        assertThatThrownBy(() -> new NumberFormatSpec(OptionalInt.of(11), false)).hasMessage("decimals must be between 0 and 10, got 11");
        assertThatThrownBy(() -> new PercentFormatSpec(OptionalInt.of(-1), PercentFormatSpec.Input.RATIO, false))
                .hasMessage("decimals must be between 0 and 10, got -1");
        assertThatThrownBy(() -> new CurrencyFormatSpec(OptionalInt.empty(), false, Optional.of("usd"), Optional.of(X), true))
                .hasMessage("Give either currency or currencySource, not both");
        assertThatThrownBy(() -> new DateTimeFormatSpec(Optional.of("yyyy"), Optional.of(FormatStyle.SHORT), false))
                .hasMessage("Give either pattern or style, not both");
        assertThatThrownBy(() -> new DateTimeFormatSpec(Optional.of(" "), Optional.empty(), false))
                .hasMessage("pattern must not be blank");
    }

    @Test
    void normalisesTheCurrencyCode() {
        CurrencyFormatSpec format = new CurrencyFormatSpec(OptionalInt.empty(), false, Optional.of("eur"), Optional.empty(), true);
        assertThat(format.currency()).contains("EUR");
    }

    @Test
    void namesEachFormatAsWrittenInSpecs() {
        assertThat(new PercentFormatSpec(OptionalInt.empty(), PercentFormatSpec.Input.RATIO, true).name()).isEqualTo("percent-with-sign");
        assertThat(new PercentFormatSpec(OptionalInt.empty(), PercentFormatSpec.Input.RATIO, false).name()).isEqualTo("percent");
        assertThat(ProblemCode.FORMAT_MISMATCH.id()).isEqualTo("format_mismatch");
        assertThat(new SpecProblem(ProblemCode.UNKNOWN_PATH, "fields.a", "m")).hasToString("unknown_path at fields.a: m");
    }
}
