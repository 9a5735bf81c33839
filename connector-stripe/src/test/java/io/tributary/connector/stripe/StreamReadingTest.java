package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Reading streams page by page against a generated account: every object once, windows respected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamReadingTest {

    private FakeStripe fake;
    private InstalledConnector connector;
    private Streams streams;
    private ConnectorContext context;

    @BeforeAll
    void start() {
        fake = FakeStripe.start(FakeStripeAccount.generate(11, AccountSize.of(40, 60, 80)));
        connector = StripeConnectors.pointedAt(fake, StripeConnectors.FAST);
        streams = connector.streams().orElseThrow();
        context = FakeStripeContexts.context(fake, fake.addKey(KeyAccess.allReads()));
    }

    @AfterAll
    void stop() {
        connector.connector().close();
        fake.close();
    }

    private List<ObjectNode> readAll(String stream, CreatedWindow window, int pageSize) {
        List<ObjectNode> records = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            StreamPage page = streams.read(context, new StreamReadRequest(stream, cursor, window, pageSize));
            records.addAll(page.records());
            cursor = page.nextCursor();
            assertThat(++pages).as("pages of %s", stream).isLessThan(10_000);
        } while (cursor != null);
        return records;
    }

    private static Set<String> ids(List<? extends JsonNode> objects) {
        return objects.stream().map(object -> object.get("id").asText()).collect(Collectors.toSet());
    }

    @Test
    void aTopLevelStreamYieldsEveryObjectExactlyOnce() {
        List<ObjectNode> customers = readAll("customers", null, 7);

        assertThat(customers).hasSize(fake.account().count("customer"));
        assertThat(ids(customers)).isEqualTo(ids(fake.account().objects("customer")));
    }

    @Test
    void theSubscriptionsStreamIncludesCanceledOnes() {
        List<ObjectNode> subscriptions = readAll("subscriptions", null, 50);

        assertThat(ids(subscriptions)).isEqualTo(ids(fake.account().objects("subscription")));
        assertThat(subscriptions).anySatisfy(subscription -> assertThat(subscription.get("status").asText()).isEqualTo("canceled"));
    }

    @Test
    void theSubscriptionsStreamHoldsDiscountsExpandedAsMrrReadsThem() {
        List<ObjectNode> subscriptions = readAll("subscriptions", null, 100);

        assertThat(subscriptions).noneMatch(SubscriptionDiscounts::unexpanded);
        List<JsonNode> discounts = new ArrayList<>();
        for (ObjectNode subscription : subscriptions) {
            subscription.get("discounts").forEach(discounts::add);
            subscription.at("/items/data").forEach(item -> item.get("discounts").forEach(discounts::add));
        }
        assertThat(discounts).isNotEmpty().allSatisfy(discount ->
                assertThat(discount.toString()).isEqualTo(fake.account().object("discount", discount.get("id").asText()).orElseThrow().toString()));
    }

    @Test
    void aCreationWindowReturnsExactlyTheObjectsCreatedInIt() {
        List<ObjectNode> all = fake.account().objects("charge");
        long[] created = all.stream().mapToLong(charge -> charge.get("created").asLong()).sorted().toArray();
        CreatedWindow window = new CreatedWindow(Instant.ofEpochSecond(created[created.length / 4]),
                Instant.ofEpochSecond(created[3 * created.length / 4]));

        List<ObjectNode> inWindow = readAll("charges", window, 10);

        List<ObjectNode> expected = all.stream().filter(charge -> window.contains(Instant.ofEpochSecond(charge.get("created").asLong()))).toList();
        assertThat(ids(inWindow)).isEqualTo(ids(expected)).isNotEmpty();
        assertThat(inWindow).hasSize(expected.size());
    }

    @Test
    void aChildStreamWalksEveryParent() {
        List<ObjectNode> lines = readAll("invoice_line_items", null, 100);

        assertThat(lines).hasSize(fake.account().count("line_item")).isNotEmpty();
        assertThat(ids(lines)).hasSize(lines.size());
    }

    @Test
    void everyRecordCarriesItsKeyAndItsCreationTimeInTheDeclaredFormat() {
        // Stripe gives these no creation time at all, and their descriptors say so.
        Set<String> withoutCreationTime = Set.of("bank_accounts", "checkout_sessions_line_items", "invoice_line_items");
        assertThat(streams.descriptors().stream().filter(stream -> stream.cursorField().isEmpty()).map(StreamDescriptor::name))
                .containsExactlyInAnyOrderElementsOf(withoutCreationTime);
        List<String> empty = new ArrayList<>();
        for (StreamDescriptor stream : streams.descriptors()) {
            List<ObjectNode> records = readAll(stream.name(), null, 100);
            if (records.isEmpty()) {
                empty.add(stream.name());
            }
            for (ObjectNode record : records) {
                assertThat(record.path(stream.primaryKey()).isTextual()).as("%s has its key", stream.name()).isTrue();
                assertThat(stream.createdAt(record).isPresent())
                        .as("%s has its creation time in %s", stream.name(), stream.cursorField().orElse("(none)"))
                        .isNotEqualTo(withoutCreationTime.contains(stream.name()));
            }
        }
        // The generated events date from their objects' creation, older than the 30 days Stripe lists.
        assertThat(empty).as("streams the generated account leaves empty").containsExactly("events");
    }

    @Test
    void windowsOnChildStreamsAndForeignCursorsAreRefused() {
        CreatedWindow window = new CreatedWindow(Instant.EPOCH, Instant.ofEpochSecond(1));
        assertThatThrownBy(() -> streams.read(context, new StreamReadRequest("invoice_line_items", null, window, 10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETERS));
        assertThatThrownBy(() -> streams.read(context, new StreamReadRequest("customers", "cus_1&limit=5", null, 10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.field()).contains("cursor"));
        assertThatThrownBy(() -> streams.read(context, new StreamReadRequest("invoice_line_items", "no-slash", null, 10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.field()).contains("cursor"));
    }
}
