package io.tributary.connector.stripe.fake;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WireMock extension that answers every request: records it, then applies injected faults,
 * authentication (401), rate limits (429) and the router (403, 404, 400, 200), in that order,
 * and delays the response by the configured latency.
 */
final class FakeStripeTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-stripe";

    private final FakeStripeAccount account;
    private final ApiKeys keys;
    private final Router router;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final FaultInjector faults = new FaultInjector();
    /** Appends are O(1), as benchmarks send many requests. */
    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicLong requestIds = new AtomicLong();

    FakeStripeTransformer(FakeStripeAccount account, ApiKeys keys) {
        this.account = account;
        this.keys = keys;
        this.router = new Router(account);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String method = request.getMethod().getName();
        String authorization = request.getHeader("Authorization");
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Map<String, List<String>> query = Map.of();
        ApiResponse response;
        try {
            ApiCall call = ApiCall.of(method, url, authorization);
            query = call.params().raw();
            response = answer(call);
        } catch (ApiError error) {
            response = error.response();
        }
        requests.add(new RecordedRequest(method, path, query, ApiKeys.keyFrom(authorization), router.endpointOf(method, path),
                response.dropConnection() ? 0 : response.status(), Instant.now()));
        return toDefinition(response);
    }

    private ApiResponse answer(ApiCall call) {
        try {
            var fault = faults.take(call.path());
            if (fault.isPresent()) {
                return fault.get();
            }
            ApiKeys.Authenticated key = keys.authenticate(call.authorization());
            if (!rateLimiter.tryAcquire(router.endpointOf(call.method(), call.path()), System.nanoTime())) {
                throw StripeErrors.rateLimited();
            }
            return router.route(call, key);
        } catch (ApiError error) {
            return error.response();
        }
    }

    private ResponseDefinition toDefinition(ApiResponse response) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
        long delay = faults.latency().toMillis();
        if (delay > 0) {
            builder.withFixedDelay((int) delay);
        }
        if (response.dropConnection()) {
            return builder.withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        builder.withStatus(response.status())
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + String.format("%014d", requestIds.incrementAndGet()))
                .withHeader("Stripe-Version", AccountShapes.API_VERSION)
                .withBody(Json.writePretty(response.body()));
        response.headers().forEach(builder::withHeader);
        return builder.build();
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    FaultInjector faults() {
        return faults;
    }

    Queue<RecordedRequest> requests() {
        return requests;
    }

    FakeStripeAccount account() {
        return account;
    }
}
