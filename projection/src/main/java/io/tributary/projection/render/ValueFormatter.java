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

/** Sends a present value to the formatter for its field's format; empty means "show the placeholder". */
final class ValueFormatter {

    private ValueFormatter() {}

    static Optional<String> format(SourceField field, JsonNode value, JsonNode scope, RenderContext context) {
        if (field.format() instanceof DateTimeFormatSpec dateTime) {
            return DateTimeValueFormatter.format(dateTime, value, context);
        }
        Optional<BigDecimal> number = JsonNumbers.decimal(value);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        if (field.format() instanceof CurrencyFormatSpec currency) {
            return currencyOf(field, currency, scope)
                    .flatMap(code -> CurrencyValueFormatter.format(currency, number.get(), code, context));
        }
        if (field.format() instanceof PercentFormatSpec percent) {
            return Optional.of(PercentValueFormatter.format(percent, number.get(), context.locale()));
        }
        return NumberValueFormatter.format((NumberFormatSpec) field.format(), number.get(), context.locale());
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
