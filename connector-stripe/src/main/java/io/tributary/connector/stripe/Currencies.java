package io.tributary.connector.stripe;

import io.tributary.connector.spi.QueryRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses the currency of a result's headline amount. Amounts in different currencies are never
 * added together, so a result shows one currency on top and all of them in {@code by_currency}.
 */
final class Currencies {

    /** When nothing else says which currency, the headline shows an empty amount in this one. */
    private static final String LAST_RESORT = "usd";

    private Currencies() {
    }

    /**
     * The headline currency: the {@code currency} parameter, else the account's default currency
     * (read at most once an hour per key), else the largest of the result's currencies.
     *
     * @param largestFirst the result's currencies, largest amount first
     */
    static String headline(QueryRequest request, StripeSession session, List<String> largestFirst) {
        return headline(request, () -> session, largestFirst);
    }

    /**
     * As {@link #headline(QueryRequest, StripeSession, List)}, opening the session only when the
     * account's default currency is needed (an answer from the mirror may need nothing else).
     */
    static String headline(QueryRequest request, Supplier<StripeSession> sessions, List<String> largestFirst) {
        return request.parameters().string("currency")
                .or(() -> Optional.ofNullable(AccountProfiles.profile(sessions.get()).defaultCurrency()))
                .or(() -> largestFirst.stream().findFirst())
                .orElse(LAST_RESORT);
    }
}
