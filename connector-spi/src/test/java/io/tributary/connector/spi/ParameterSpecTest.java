package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParameterSpecTest {

    private static final ParameterSpec LIMIT = ParameterSpec.integer("limit", "How many.").between(1, 100);
    private static final ParameterSpec RATIO = ParameterSpec.number("ratio", "A share.")
            .between(BigDecimal.ZERO, BigDecimal.ONE);
    private static final ParameterSpec STATUS = ParameterSpec.string("status", "Which.").oneOf("open", "closed");
    private static final ParameterSpec CUSTOMER = ParameterSpec.string("customer", "Whose.").matching("cus_[a-z0-9]+");
    private static final ParameterSpec FLAG = ParameterSpec.bool("flag", "Whether.");
    private static final ParameterSpec SINCE = ParameterSpec.timestamp("since", "From when.");

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(LIMIT, "10", "wrong_type", "'limit' must be an integer"),
                Arguments.of(LIMIT, 10, "wrong_type", "'limit' must be an integer"),
                Arguments.of(LIMIT, 0L, "below_minimum", "'limit' must be at least 1"),
                Arguments.of(LIMIT, 101L, "above_maximum", "'limit' must be at most 100"),
                Arguments.of(RATIO, new BigDecimal("-0.01"), "below_minimum", "'ratio' must be at least 0"),
                Arguments.of(RATIO, new BigDecimal("1.5"), "above_maximum", "'ratio' must be at most 1"),
                Arguments.of(RATIO, 1L, "wrong_type", "'ratio' must be a number"),
                Arguments.of(STATUS, "pending", "not_allowed", "'status' must be one of open, closed"),
                Arguments.of(CUSTOMER, "cus_1 ", "pattern_mismatch", "'customer' does not have the expected form (cus_[a-z0-9]+)"),
                Arguments.of(FLAG, "true", "wrong_type", "'flag' must be true or false"),
                Arguments.of(SINCE, 1_700_000_000L, "wrong_type", "'since' must be a time"));
    }

    @ParameterizedTest(name = "{0} given {1}: {2}")
    @MethodSource("problems")
    void namesTheProblemWithACodeAndAMessageThatFollowsTheName(ParameterSpec spec, Object value, String code, String message) {
        assertThat(spec.problemWith(value)).hasValueSatisfying(problem -> {
            assertThat(problem.field()).isEqualTo(spec.name());
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.message()).startsWith(message);
        });
    }

    @Test
    void acceptsValuesOfItsJavaTypeWithinItsConstraints() {
        assertThat(LIMIT.problemWith(1L)).isEmpty();
        assertThat(LIMIT.problemWith(100L)).isEmpty();
        assertThat(RATIO.problemWith(new BigDecimal("0.5"))).isEmpty();
        assertThat(STATUS.problemWith("open")).isEmpty();
        assertThat(CUSTOMER.problemWith("cus_9")).isEmpty();
        assertThat(FLAG.problemWith(false)).isEmpty();
        assertThat(SINCE.problemWith(Instant.EPOCH)).isEmpty();
        assertThatThrownBy(() -> LIMIT.problemWith(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void eachStepReturnsANewValueAndLeavesTheOriginal() {
        ParameterSpec optional = ParameterSpec.string("name", "A name.");
        ParameterSpec required = optional.asRequired();

        assertThat(optional.required()).isFalse();
        assertThat(required.required()).isTrue();
        assertThat(required).isNotEqualTo(optional).hasToString("ParameterSpec[name STRING, required]");
        assertThat(LIMIT.withDefault(5)).isEqualTo(LIMIT.withDefault(5L)).hasSameHashCodeAs(LIMIT.withDefault(5L));
        assertThat(LIMIT.minimum()).isEqualTo(BigDecimal.ONE);
        assertThat(STATUS.allowedValues()).containsExactly("open", "closed");
        assertThat(CUSTOMER.pattern()).isEqualTo("cus_[a-z0-9]+");
    }
}
