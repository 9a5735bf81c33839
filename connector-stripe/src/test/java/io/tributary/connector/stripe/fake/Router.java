package io.tributary.connector.stripe.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a path to its endpoint, checks the key's permission for it and hands it to its handler.
 * Every endpoint names one {@link FakeStripePermission}; a restricted key without it gets 403.
 */
final class Router {

    private final FakeStripeAccount account;
    private final ListHandler lists;
    private final List<Route> routes = new ArrayList<>();

    Router(FakeStripeAccount account) {
        this.account = account;
        this.lists = new ListHandler(account);
        routes.add(new Route("/v1/account", FakeStripePermission.ACCOUNT, (call, ids) -> lists.singleton(account.account(), call)));
        routes.add(new Route("/v1/accounts/{id}", FakeStripePermission.ACCOUNT, (call, ids) -> {
            if (!account.id().equals(ids.get(0))) {
                throw StripeErrors.noSuchObject("account", ids.get(0));
            }
            return lists.singleton(account.account(), call);
        }));
        routes.add(new Route("/v1/balance", FakeStripePermission.BALANCE, (call, ids) -> lists.singleton(account.balance(), call)));
        for (ListEndpoint endpoint : ListEndpoint.ALL) {
            routes.add(new Route(endpoint.template(), endpoint.permission(),
                    (call, ids) -> lists.list(endpoint, ids.isEmpty() ? null : ids.get(0), call)));
            if (endpoint.retrievable()) {
                routes.add(new Route(endpoint.template() + "/{id}", endpoint.permission(), (call, ids) -> ids.size() == 1
                        ? lists.retrieve(endpoint, null, ids.get(0), call)
                        : lists.retrieve(endpoint, ids.get(0), ids.get(1), call)));
            }
        }
    }

    /** The endpoint a request counts against for rate limits: {@code GET /v1/customers/{id}}. */
    String endpointOf(String method, String path) {
        return method + " " + match(path).map(match -> match.route().template()).orElse(path);
    }

    ApiResponse route(ApiCall call, ApiKeys.Authenticated key) {
        Match match = match(call.path()).orElseThrow(() -> StripeErrors.unrecognizedUrl(call.method(), call.path()));
        FakeStripePermission permission = match.route().permission();
        boolean read = "GET".equals(call.method());
        if (key.access() instanceof KeyAccess.Restricted restricted && (!read || !restricted.permissions().contains(permission))) {
            throw StripeErrors.missingPermission(key.key(), account.id(), read ? permission.apiName() : permission.writeName());
        }
        if (!read) {
            throw StripeErrors.invalidRequest(null, "The fake Stripe serves reads only: " + call.method() + " " + call.path());
        }
        return match.route().handler().handle(call, match.ids());
    }

    private Optional<Match> match(String path) {
        String[] segments = path.split("/");
        for (Route route : routes) {
            String[] template = route.template().split("/");
            if (template.length != segments.length) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if ("{id}".equals(template[i])) {
                    matches = !segments[i].isEmpty();
                    ids.add(segments[i]);
                } else {
                    matches = template[i].equals(segments[i]);
                }
            }
            if (matches) {
                return Optional.of(new Match(route, ids));
            }
        }
        return Optional.empty();
    }

    @FunctionalInterface
    private interface Handler {
        ApiResponse handle(ApiCall call, List<String> ids);
    }

    private record Route(String template, FakeStripePermission permission, Handler handler) {
    }

    private record Match(Route route, List<String> ids) {
    }
}
