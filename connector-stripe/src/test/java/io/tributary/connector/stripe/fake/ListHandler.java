package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Serves a {@link ListEndpoint}: its list and the retrieval of one of its objects. */
final class ListHandler {

    private final FakeStripeAccount account;
    private final Expander expander;

    ListHandler(FakeStripeAccount account) {
        this.account = account;
        this.expander = new Expander(account);
    }

    /** {@code GET template}; {@code parentId} is the {@code {id}} of a nested list, else null. */
    ApiResponse list(ListEndpoint endpoint, String parentId, ApiCall call) {
        QueryParams params = call.params();
        for (String name : params.names()) {
            boolean subscriptionItems = endpoint.type() == StripeObjectType.SUBSCRIPTION_ITEM && "subscription".equals(name);
            if (endpoint.unimplemented().contains(name)) {
                throw StripeErrors.invalidRequest(name, "The fake Stripe does not implement the '" + name + "' parameter of GET "
                        + endpoint.template() + ".");
            }
            if (!ListEndpoint.PAGING.contains(name) && !endpoint.filters().containsKey(name) && !subscriptionItems) {
                throw StripeErrors.unknownParameter(name);
            }
        }
        Predicate<ObjectNode> filter = node -> true;
        for (String name : params.names()) {
            ListFilters.Filter factory = endpoint.filters().get(name);
            if (factory != null) {
                filter = filter.and(factory.build(name, params, account));
            }
        }
        if (endpoint.defaultFilter() != null && !params.has("status")) {
            filter = filter.and(endpoint.defaultFilter());
        }
        ObjectStore store = account.store(endpoint.type());
        ObjectStore.Ordered ordered;
        String url = call.path();
        if (endpoint.type() == StripeObjectType.SUBSCRIPTION_ITEM) {
            String subscription = params.scalar("subscription");
            if (subscription == null) {
                throw StripeErrors.invalidRequest("subscription", "Missing required param: subscription.");
            }
            if (account.store(StripeObjectType.SUBSCRIPTION).get(subscription) == null) {
                throw StripeErrors.noSuchObjectInParameter("subscription", subscription, "subscription");
            }
            ordered = store.children(subscription);
        } else if (endpoint.nested()) {
            requireParent(endpoint, parentId);
            ordered = store.children(parentId);
        } else if (endpoint.type() == StripeObjectType.EVENT) {
            ordered = retainedEvents(store);
        } else {
            ordered = store.ordered();
        }
        ObjectNode page = Paginator.page(ordered, store::get, filter, stored -> account.render(endpoint.type(), stored), params,
                endpoint.type(), url);
        expander.expandList(page, params.list("expand"));
        return ApiResponse.ok(page);
    }

    /** {@code GET template/{id}}. */
    ApiResponse retrieve(ListEndpoint endpoint, String parentId, String id, ApiCall call) {
        onlyExpand(call.params());
        if (endpoint.nested()) {
            requireParent(endpoint, parentId);
        }
        ObjectNode stored = account.store(endpoint.type()).get(id);
        if (stored != null && endpoint.type() == StripeObjectType.EVENT && !account.eventRetained(stored)) {
            stored = null; // Stripe has forgotten it: the same 404 as for an id it never had
        }
        if (stored == null) {
            if (endpoint.type() == StripeObjectType.CUSTOMER) {
                return account.deletedCustomer(id).map(ApiResponse::ok)
                        .orElseThrow(() -> StripeErrors.noSuchObject("customer", id));
            }
            throw StripeErrors.noSuchObject(endpoint.type().objectName(), id);
        }
        ObjectNode rendered = account.render(endpoint.type(), stored);
        if (endpoint.nested() && !parentId.equals(parentOf(endpoint, rendered))) {
            throw StripeErrors.noSuchObject(endpoint.type().objectName(), id);
        }
        expander.expandObject(rendered, call.params().list("expand"));
        return ApiResponse.ok(rendered);
    }

    /**
     * The events Stripe still keeps, in list order. An aged-out event is also unknown as a
     * {@code starting_after} or {@code ending_before} cursor, with the error Stripe gives for any
     * unknown cursor id.
     */
    private ObjectStore.Ordered retainedEvents(ObjectStore store) {
        ObjectStore.Ordered all = store.ordered();
        List<String> retained = new ArrayList<>(all.ids().size());
        for (String id : all.ids()) {
            ObjectNode event = store.get(id);
            if (event != null && account.eventRetained(event)) {
                retained.add(id);
            }
        }
        return retained.size() == all.ids().size() ? all : ObjectStore.Ordered.of(retained);
    }

    /** A singleton ({@code /v1/balance}, {@code /v1/account}) with {@code expand[]} only. */
    ApiResponse singleton(ObjectNode object, ApiCall call) {
        onlyExpand(call.params());
        expander.expandObject(object, call.params().list("expand"));
        return ApiResponse.ok(object);
    }

    private void onlyExpand(QueryParams params) {
        for (String name : params.names()) {
            if (!"expand".equals(name)) {
                throw StripeErrors.unknownParameter(name);
            }
        }
    }

    private void requireParent(ListEndpoint endpoint, String parentId) {
        if (endpoint.parentType() == null) {
            if (!account.id().equals(parentId)) {
                throw StripeErrors.noSuchObject("account", parentId);
            }
        } else if (account.store(endpoint.parentType()).get(parentId) == null) {
            throw StripeErrors.noSuchObject(endpoint.parentType().objectName(), parentId);
        }
    }

    private static String parentOf(ListEndpoint endpoint, ObjectNode child) {
        return switch (endpoint.type()) {
            case BANK_ACCOUNT -> child.path("customer").isNull() ? child.path("account").asText() : child.path("customer").asText();
            default -> child.path("customer").asText();
        };
    }
}
