package io.tributary.projection.spec;

import static io.tributary.projection.support.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.projection.spec.SourcePath.Index;
import io.tributary.projection.spec.SourcePath.Key;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcePathTest {

    @Test
    void parsesKeysAndIndexes() {
        assertThat(SourcePath.parse("charges[0].amount_cents").segments())
                .containsExactly(new Key("charges"), new Index(0), new Key("amount_cents"));
        assertThat(SourcePath.parse("a[1][2].b-c.d").segments())
                .containsExactly(new Key("a"), new Index(1), new Index(2), new Key("b-c"), new Key("d"));
    }

    @Test
    void writesTheSameFormItWasParsedFrom() {
        assertThat(SourcePath.parse("by_currency[1].currency")).hasToString("by_currency[1].currency");
        assertThat(SourcePath.parse("amount_cents")).hasToString("amount_cents");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a[        | Invalid path 'a[' at position 1: '[' is not closed",
        "a.        | Invalid path 'a.' at position 2: expected a key after '.'",
        ".a        | Invalid path '.a' at position 0: expected a key",
        "[0]       | Invalid path '[0]' at position 0: expected a key",
        "a[x]      | Invalid path 'a[x]' at position 2: an index must be a non-negative whole number",
        "a[-1]     | Invalid path 'a[-1]' at position 2: an index must be a non-negative whole number",
        "a[]       | Invalid path 'a[]' at position 2: an index must be a non-negative whole number",
        "a]b       | Invalid path 'a]b' at position 1: unexpected ']'",
        "a..b      | Invalid path 'a..b' at position 2: expected a key",
        "a[1]b     | Invalid path 'a[1]b' at position 4: unexpected 'b'",
        "a[9999999999] | Invalid path 'a[9999999999]' at position 2: index is too large",
    })
    void rejectsBadSyntaxWithThePosition(String text, String message) {
        assertThatThrownBy(() -> SourcePath.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void rejectsEmptyAndSpacedPaths() {
        assertThatThrownBy(() -> SourcePath.parse("")).hasMessage("Path is empty");
        assertThatThrownBy(() -> SourcePath.parse("a b")).hasMessage("Invalid path 'a b' at position 1: unexpected ' '");
    }

    @Test
    void resolvesIntoObjectsAndArrays() {
        var result = json("{'charges': [{'amount_cents': 500}, {'amount_cents': 700}], 'n': 3}");
        assertThat(SourcePath.parse("charges[1].amount_cents").resolveIn(result).intValue()).isEqualTo(700);
        assertThat(SourcePath.parse("n").resolveIn(result).intValue()).isEqualTo(3);
    }

    @Test
    void resolvesToMissingInsteadOfThrowing() {
        var result = json("{'charges': [{'amount_cents': 500}], 'n': 3}");
        assertThat(SourcePath.parse("charges[5].amount_cents").resolveIn(result).isMissingNode()).isTrue();
        assertThat(SourcePath.parse("n.deeper[0]").resolveIn(result).isMissingNode()).isTrue();
        assertThat(SourcePath.parse("charges.amount_cents").resolveIn(result).isMissingNode()).isTrue();
        assertThat(SourcePath.parse("x").resolveIn(null).isMissingNode()).isTrue();
    }

    @Test
    void knowsItsParentAndChildren() {
        SourcePath amount = SourcePath.parse("by_currency[1].amount_cents");
        assertThat(amount.parent().child("currency")).hasToString("by_currency[1].currency");
        assertThat(SourcePath.parse("amount_cents").parent().isRoot()).isTrue();
        assertThat(SourcePath.parse("amount_cents").parent().child("currency")).isEqualTo(SourcePath.parse("currency"));
    }

    @Test
    void copiesItsSegments() {
        var segments = new java.util.ArrayList<SourcePath.Segment>(List.of(new Key("a")));
        SourcePath path = new SourcePath(segments);
        segments.add(new Key("b"));
        assertThat(path).hasToString("a");
        assertThatThrownBy(() -> path.segments().add(new Key("c"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
