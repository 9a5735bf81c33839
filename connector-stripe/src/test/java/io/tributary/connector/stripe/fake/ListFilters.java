package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The list filters Stripe offers, each turning its query parameter into a predicate. */
final class ListFilters {

    /** Builds the predicate for parameter {@code name}, or fails with a 400 for a bad value. */
    @FunctionalInterface
    interface Filter {
        Predicate<ObjectNode> build(String name, QueryParams params, FakeStripeAccount account);
    }

    private static final Set<String> RANGE_KEYS = Set.of("gt", "gte", "lt", "lte");
    private static final List<String> SUBSCRIPTION_STATUSES = List.of("active", "all", "canceled", "ended", "incomplete",
            "incomplete_expired", "past_due", "paused", "trialing", "unpaid");

    private ListFilters() {
    }

    /** {@code created=ts} or {@code created[gt|gte|lt|lte]=ts} on a timestamp field. */
    static Filter range(String field) {
        return (name, params, account) -> {
            String exact = params.hash(name).isEmpty() ? params.scalar(name) : null;
            if (exact != null) {
                long value = integer(name, exact);
                return node -> node.path(field).asLong() == value;
            }
            Predicate<ObjectNode> all = node -> true;
            for (Map.Entry<String, String> bound : params.hash(name).entrySet()) {
                String param = name + "[" + bound.getKey() + "]";
                if (!RANGE_KEYS.contains(bound.getKey())) {
                    throw StripeErrors.unknownParameter(param);
                }
                long value = integer(param, bound.getValue());
                Predicate<ObjectNode> check = switch (bound.getKey()) {
                    case "gt" -> node -> node.path(field).asLong() > value;
                    case "gte" -> node -> node.path(field).asLong() >= value;
                    case "lt" -> node -> node.path(field).asLong() < value;
                    default -> node -> node.path(field).asLong() <= value;
                };
                all = all.and(check);
            }
            return all;
        };
    }

    /** Equality with the text at a dotted path ({@code parent.subscription_details.subscription}). */
    static Filter equalTo(String dottedPath) {
        return (name, params, account) -> {
            String wanted = params.scalar(name);
            return node -> wanted.equals(Json.text(node, dottedPath));
        };
    }

    /** Equality with one of a fixed set of values; another value is a 400. */
    static Filter oneOf(String field, List<String> values) {
        return (name, params, account) -> {
            String wanted = params.scalar(name);
            if (!values.contains(wanted)) {
                throw StripeErrors.invalidRequest(name, "Invalid " + name + ": must be one of " + String.join(", ", values));
            }
            return node -> wanted.equals(Json.text(node, field));
        };
    }

    static Filter bool(String field) {
        return (name, params, account) -> {
            String value = params.scalar(name);
            if (!"true".equals(value) && !"false".equals(value)) {
                throw StripeErrors.invalidRequest(name, "Invalid boolean: " + value);
            }
            boolean wanted = Boolean.parseBoolean(value);
            return node -> node.path(field).asBoolean() == wanted;
        };
    }

    /** Invoice items: {@code pending=true} keeps those not yet on an invoice. */
    static Filter pending() {
        return (name, params, account) -> {
            Predicate<ObjectNode> onInvoice = node -> !node.path("invoice").isNull();
            return Boolean.parseBoolean(params.scalar(name)) ? onInvoice.negate() : onInvoice;
        };
    }

    /**
     * Subscriptions: {@code all}, {@code ended} (canceled or incomplete_expired) or one status.
     * Without the parameter Stripe leaves out canceled subscriptions; see {@link #subscriptionDefault()}.
     */
    static Filter subscriptionStatus() {
        return (name, params, account) -> {
            String wanted = params.scalar(name);
            if (!SUBSCRIPTION_STATUSES.contains(wanted)) {
                throw StripeErrors.invalidRequest(name,
                        "Invalid status: must be one of " + String.join(", ", SUBSCRIPTION_STATUSES));
            }
            return switch (wanted) {
                case "all" -> node -> true;
                case "ended" -> node -> Set.of("canceled", "incomplete_expired").contains(node.path("status").asText());
                default -> node -> wanted.equals(node.path("status").asText());
            };
        };
    }

    static Predicate<ObjectNode> subscriptionDefault() {
        return node -> !"canceled".equals(node.path("status").asText());
    }

    /** Subscriptions with an item on this price (or legacy plan). */
    static Filter subscriptionPrice() {
        return (name, params, account) -> {
            String price = params.scalar(name);
            ObjectStore items = account.store(StripeObjectType.SUBSCRIPTION_ITEM);
            return node -> items.children(node.path("id").asText()).ids().stream()
                    .map(items::get)
                    .anyMatch(item -> item != null && price.equals(item.path("price").asText()));
        };
    }

    /** Events: {@code type} (with a {@code *} wildcard, as in {@code customer.*}). */
    static Filter eventType() {
        return (name, params, account) -> eventTypeMatcher(List.of(params.scalar(name)));
    }

    /** Events: {@code types[]}, up to 20 types. */
    static Filter eventTypes() {
        return (name, params, account) -> {
            List<String> types = params.list(name);
            if (types.size() > 20) {
                throw StripeErrors.invalidRequest(name, "You may only specify up to 20 types.");
            }
            return eventTypeMatcher(types);
        };
    }

    private static Predicate<ObjectNode> eventTypeMatcher(List<String> patterns) {
        return node -> {
            String type = node.path("type").asText();
            for (String pattern : patterns) {
                if (pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : type.equals(pattern)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Sources and external accounts: {@code object=bank_account|card}; the fake holds bank accounts only. */
    static Filter sourceObject() {
        return (name, params, account) -> {
            String wanted = params.scalar(name);
            if (!"bank_account".equals(wanted) && !"card".equals(wanted)) {
                throw StripeErrors.invalidRequest(name, "Invalid object: must be one of bank_account, card");
            }
            return node -> wanted.equals(node.path("object").asText());
        };
    }

    static long integer(String param, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeErrors.invalidInteger(param, value);
        }
    }
}
