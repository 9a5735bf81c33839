package io.tributary.projection.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.projection.spec.CurrencyFormatSpec;
import io.tributary.projection.spec.DateTimeFormatSpec;
import io.tributary.projection.spec.NumberFormatSpec;
import io.tributary.projection.spec.PercentFormatSpec;
import io.tributary.projection.spec.SourceField;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalInt;

/** Sends a present value to the formatter for its field's format; empty means "show the placeholder". */
final class ValueFormatter {

    private static final NumberFormatSpec DEFAULT_NUMBER = new NumberFormatSpec(OptionalInt.empty(), false);

    private ValueFormatter() {}

    static Optional<String> format(SourceField field, JsonNode value, JsonNode scope, RenderContext context) {
        if (field.format() instanceof DateTimeFormatSpec dateTime) {
            return DateTimeValueFormatter.format(dateTime, value, context);
        }
        return JsonNumbers.decimal(value).flatMap(number -> formatNumber(field, number, scope, context));
    }

    /**
     * A number written as the field writes its values: by its number, currency or percent format, or, for
     * a field without a format, as the {@code number} format does by default. Empty for a date-time field,
     * and when a currency amount has no usable currency in {@code scope}.
     */
    static Optional<String> formatNumber(SourceField field, BigDecimal number, JsonNode scope, RenderContext context) {
        if (field.format() instanceof DateTimeFormatSpec) {
            return Optional.empty();
        }
        if (field.format() instanceof CurrencyFormatSpec currency) {
            return currencyOf(field, currency, scope)
                    .flatMap(code -> CurrencyValueFormatter.format(currency, number, code, context));
        }
        if (field.format() instanceof PercentFormatSpec percent) {
            return Optional.of(PercentValueFormatter.format(percent, number, context.locale()));
        }
        NumberFormatSpec format = field.format() instanceof NumberFormatSpec given ? given : DEFAULT_NUMBER;
        return NumberValueFormatter.format(format, number, context.locale());
    }

    /**
     * A change written as {@link #formatNumber} writes numbers, with {@code +} before a positive one; a
     * change that rounds to zero as shown has no sign ("+$0.00" reads as a change that did not happen).
     */
    static Optional<String> formatChange(SourceField field, BigDecimal change, JsonNode scope, RenderContext context) {
        Optional<String> written = formatNumber(field, change, scope, context);
        if (written.isEmpty() || change.signum() <= 0 || written.get().startsWith("+")
                || written.equals(formatNumber(field, BigDecimal.ZERO, scope, context))) {
            return written;
        }
        return Optional.of("+" + written.get());
    }

    /** The option, else the value at currencySource, else the {@code currency} next to the amount. */
    private static Optional<Currency> currencyOf(SourceField field, CurrencyFormatSpec format, JsonNode scope) {
        if (format.currency().isPresent()) {
            return CurrencyCodes.lookup(format.currency().get());
        }
        JsonNode code = format.currencySource()
                .orElseGet(() -> field.source().parent().child("currency"))
                .resolveIn(scope);
        return code.isTextual() ? CurrencyCodes.lookup(code.textValue()) : Optional.empty();
    }
}
