package io.tributary.connector.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Subscription;
import com.stripe.param.ChargeListParams;
import com.stripe.param.SubscriptionListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's list semantics over a generated account: cursors, limits, filters and expansion. */
class PaginationAndFiltersTest {

    private static FakeStripe fake;
    private static FakeStripeAccount account;
    private static String key;
    private static StripeClient stripe;

    @BeforeAll
    static void start() {
        account = FakeStripeAccount.generate(7, AccountSize.of(60, 150, 130));
        fake = FakeStripe.start(account);
        key = fake.addKey(KeyAccess.secret());
        stripe = FakeStripeClients.client(fake, key);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.resetRequests();
    }

    @Test
    void forwardPagingVisitsEveryObjectOnceNewestFirst() {
        List<String> expected = ids(account.objects("customer"));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean hasMore = true;
        while (hasMore) {
            JsonNode page = ok("/v1/customers?limit=7" + (cursor == null ? "" : "&starting_after=" + cursor));
            assertThat(page.get("object").asText()).isEqualTo("list");
            assertThat(page.get("url").asText()).isEqualTo("/v1/customers");
            assertThat(page.get("data").size()).isLessThanOrEqualTo(7);
            page.get("data").forEach(customer -> seen.add(customer.get("id").asText()));
            hasMore = page.get("has_more").asBoolean();
            cursor = seen.get(seen.size() - 1);
        }
        assertThat(seen).containsExactlyElementsOf(expected).hasSize(60);
        assertThat(fake.requestCount("/v1/customers")).isEqualTo(9);
        List<Long> created = account.objects("customer").stream().map(c -> c.get("created").asLong()).toList();
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void backwardPagingWithEndingBeforeVisitsEveryObjectOnce() {
        List<String> expected = ids(account.objects("charge"));
        List<String> seen = new ArrayList<>();
        String cursor = expected.get(expected.size() - 1);
        seen.add(cursor);
        boolean hasMore = true;
        while (hasMore) {
            JsonNode page = ok("/v1/charges?limit=20&ending_before=" + cursor);
            List<String> ids = ids(page.get("data"));
            // Each page stays newest first; the pages walk towards the newest.
            seen.addAll(0, ids);
            hasMore = page.get("has_more").asBoolean();
            cursor = ids.get(0);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void stripeJavaAutoPagingSendsFiltersAndExpansionOnEveryPage() throws Exception {
        long from = account.objects("charge").get(40).get("created").asLong();
        long expected = account.objects("charge").stream().filter(c -> c.get("created").asLong() >= from).count();
        Iterable<Charge> charges = stripe.v1().charges().list(ChargeListParams.builder().setLimit(9L)
                        .setCreated(ChargeListParams.Created.builder().setGte(from).build()).addExpand("data.customer").build())
                .autoPagingIterable();
        List<Charge> all = StreamSupport.stream(charges.spliterator(), false).toList();
        assertThat(all).hasSize((int) expected);
        assertThat(all).extracting(Charge::getId).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(charge -> {
            assertThat(charge.getCreated()).isGreaterThanOrEqualTo(from);
            if (charge.getCustomer() != null) {
                assertThat(charge.getCustomerObject().getEmail()).endsWith("@example.com");
            }
        });
        assertThat(fake.requestCount("/v1/charges")).isEqualTo((expected + 8) / 9 + (expected % 9 == 0 ? 1 : 0));
        assertThat(fake.requests()).allSatisfy(request -> {
            assertThat(request.query()).containsEntry("created[gte]", List.of(Long.toString(from)))
                    .containsEntry("expand[0]", List.of("data.customer")).containsEntry("limit", List.of("9"));
            assertThat(request.apiKey()).isEqualTo(key);
        });
        assertThat(fake.requests().get(1).query()).containsEntry("starting_after", List.of(all.get(8).getId()));
    }

    @Test
    void createdFiltersBoundEachSide() {
        List<ObjectNode> customers = account.objects("customer");
        long gt = customers.get(40).get("created").asLong();
        long lte = customers.get(10).get("created").asLong();
        long expected = customers.stream().map(c -> c.get("created").asLong()).filter(c -> c > gt && c <= lte).count();
        JsonNode page = ok("/v1/customers?limit=100&created%5Bgt%5D=" + gt + "&created%5Blte%5D=" + lte);
        assertThat(page.get("data").size()).isEqualTo((int) expected);
        assertThat(page.get("has_more").asBoolean()).isFalse();
        JsonNode exact = ok("/v1/customers?created=" + lte);
        assertThat(ids(exact.get("data"))).contains(customers.get(10).get("id").asText());
        assertThat(error("/v1/customers?created%5Bafter%5D=1", 400)).isEqualTo("Received unknown parameter: created[after]");
        assertThat(error("/v1/customers?created%5Bgt%5D=soon", 400)).isEqualTo("Invalid integer: soon");
    }

    @Test
    void limitMustBeBetweenOneAndAHundred() {
        assertThat(ok("/v1/customers").get("data").size()).isEqualTo(10);
        assertThat(ok("/v1/customers?limit=100").get("data").size()).isEqualTo(60);
        assertThat(ok("/v1/customers?limit=1").get("has_more").asBoolean()).isTrue();
        for (String limit : List.of("0", "101")) {
            RawHttp.Response response = RawHttp.get(fake, "/v1/customers?limit=" + limit, key);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().path("error").path("param").asText()).isEqualTo("limit");
            assertThat(response.body().path("error").path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(response.errorMessage()).contains("limit");
        }
    }

    @Test
    void cursorsMustNameKnownObjects() {
        RawHttp.Response response = RawHttp.get(fake, "/v1/customers?starting_after=cus_nope", key);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("error").path("code").asText()).isEqualTo("resource_missing");
        assertThat(response.body().path("error").path("param").asText()).isEqualTo("starting_after");
        assertThat(response.errorMessage()).isEqualTo("No such customer: 'cus_nope'");
        String any = account.objects("customer").get(3).get("id").asText();
        assertThat(error("/v1/customers?starting_after=" + any + "&ending_before=" + any, 400))
                .contains("only specify one of");
    }

    @Test
    void unknownParametersAndUrlsAreRefused() throws Exception {
        assertThat(error("/v1/customers?foo=1", 400)).isEqualTo("Received unknown parameter: foo");
        assertThat(error("/v1/charges?status=succeeded", 400)).isEqualTo("Received unknown parameter: status");
        assertThat(error("/v1/customers?test_clock=clock_1", 400)).contains("does not implement").contains("test_clock");
        assertThat(error("/v1/widgets", 404)).startsWith("Unrecognized request URL (GET: /v1/widgets)");
        RawHttp.Response missing = RawHttp.get(fake, "/v1/subscriptions/sub_missing", key);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("error").path("code").asText()).isEqualTo("resource_missing");
        assertThat(missing.errorMessage()).isEqualTo("No such subscription: 'sub_missing'");
        assertThatThrownBy(() -> stripe.v1().customers().retrieve("cus_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void subscriptionsLeaveOutCanceledUnlessAsked() throws Exception {
        List<ObjectNode> all = account.objects("subscription");
        long canceled = all.stream().filter(s -> "canceled".equals(s.get("status").asText())).count();
        long ended = all.stream().filter(s -> List.of("canceled", "incomplete_expired").contains(s.get("status").asText())).count();
        assertThat(canceled).isPositive();
        assertThat(countAll("/v1/subscriptions?limit=100")).isEqualTo(all.size() - canceled);
        assertThat(countAll("/v1/subscriptions?limit=100&status=all")).isEqualTo(all.size());
        assertThat(countAll("/v1/subscriptions?limit=100&status=canceled")).isEqualTo(canceled);
        assertThat(countAll("/v1/subscriptions?limit=100&status=ended")).isEqualTo(ended);
        assertThat(error("/v1/subscriptions?status=zombie", 400)).startsWith("Invalid status");

        Iterable<Subscription> pastDue = stripe.v1().subscriptions().list(SubscriptionListParams.builder()
                .setStatus(SubscriptionListParams.Status.PAST_DUE).setLimit(3L).build()).autoPagingIterable();
        assertThat(pastDue).isNotEmpty().allSatisfy(s -> assertThat(s.getStatus()).isEqualTo("past_due"));
    }

    @Test
    void equalityAndBooleanFilters() {
        ObjectNode customer = account.objects("customer").get(0);
        String email = customer.get("email").asText();
        assertThat(ids(ok("/v1/customers?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))
                .get("data"))).containsExactly(customer.get("id").asText());
        long inactive = account.objects("product").stream().filter(p -> !p.get("active").asBoolean()).count();
        assertThat(ok("/v1/products?limit=100&active=false").get("data").size()).isEqualTo((int) inactive);
        assertThat(ok("/v1/prices?limit=100&type=one_time").get("data")).allSatisfy(p ->
                assertThat(p.get("recurring").isNull()).isTrue());
        assertThat(ok("/v1/balance_transactions?limit=100&type=refund").get("data")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("type").asText()).isEqualTo("refund"));
        String subscription = account.objects("subscription").get(0).get("id").asText();
        assertThat(ok("/v1/invoices?subscription=" + subscription).get("data")).hasSize(1);
    }

    @Test
    void expansionReplacesIdsAndRefusesWhatCannotExpand() {
        JsonNode page = ok("/v1/subscriptions?limit=5&expand%5B%5D=data.customer&expand%5B%5D=data.latest_invoice");
        for (JsonNode subscription : page.get("data")) {
            assertThat(subscription.get("customer").get("object").asText()).isEqualTo("customer");
            assertThat(subscription.get("latest_invoice").get("object").asText()).isEqualTo("invoice");
        }
        assertThat(error("/v1/subscriptions?expand%5B0%5D=customer", 400)).contains("data.customer");
        assertThat(error("/v1/subscriptions?expand%5B0%5D=data.currency", 400))
                .isEqualTo("This property cannot be expanded (data.currency).");
        assertThat(error("/v1/subscriptions?expand%5B0%5D=data.nothing_here", 400)).contains("cannot be expanded");
        assertThat(error("/v1/subscriptions?expand%5B0%5D=data.items.data.price.product", 400))
                .contains("more than 4 levels");
    }

    @Test
    void nestedListsPageTheirParentsChildren() {
        ObjectNode invoice = account.objects("invoice").get(0);
        JsonNode lines = ok("/v1/invoices/" + invoice.get("id").asText() + "/lines");
        assertThat(lines.get("url").asText()).isEqualTo("/v1/invoices/" + invoice.get("id").asText() + "/lines");
        assertThat(ids(lines.get("data"))).containsExactlyElementsOf(ids(invoice.get("lines").get("data")));
        assertThat(error("/v1/invoices/in_missing/lines", 404)).isEqualTo("No such invoice: 'in_missing'");
        assertThat(error("/v1/subscription_items", 400)).contains("subscription");
        JsonNode external = ok("/v1/accounts/" + account.id() + "/external_accounts?object=bank_account");
        assertThat(external.get("data").size()).isEqualTo(2);
    }

    private static long countAll(String path) {
        long count = 0;
        String cursor = null;
        while (true) {
            JsonNode page = ok(path + (cursor == null ? "" : "&starting_after=" + cursor));
            count += page.get("data").size();
            if (!page.get("has_more").asBoolean()) {
                return count;
            }
            cursor = page.get("data").get(page.get("data").size() - 1).get("id").asText();
        }
    }

    private static JsonNode ok(String path) {
        RawHttp.Response response = RawHttp.get(fake, path, key);
        assertThat(response.status()).as("%s -> %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static String error(String path, int status) {
        RawHttp.Response response = RawHttp.get(fake, path, key);
        assertThat(response.status()).as("%s -> %s", path, response.body()).isEqualTo(status);
        assertThat(response.body().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        return response.errorMessage();
    }

    private static List<String> ids(Iterable<? extends JsonNode> nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }
}
