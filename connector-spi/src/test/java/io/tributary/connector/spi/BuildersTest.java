package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The builders of values that grow: defaults, checks at {@code build()}, and derived copies. */
class BuildersTest {

    @Test
    void credentialFieldsAreRequiredUnlessOptionalAndMatchTheirWholePattern() {
        CredentialField key = CredentialField.secret("api_key", "API key").pattern("rk_(live|test)_\\w+")
                .helpText("Starts with rk_live_").build();
        CredentialField region = CredentialField.plain("region", "Region").optional().build();

        assertThat(key.secret()).isTrue();
        assertThat(key.required()).isTrue();
        assertThat(key.accepts("rk_live_abc")).isTrue();
        assertThat(key.accepts("xrk_live_abc")).as("the whole value must match").isFalse();
        assertThat(key.helpText()).isEqualTo("Starts with rk_live_");
        assertThat(region.secret()).isFalse();
        assertThat(region.required()).isFalse();
        assertThat(region.pattern()).isNull();
        assertThat(region.accepts("anything")).isTrue();
        assertThat(key.toBuilder().optional().build()).isNotEqualTo(key).extracting(CredentialField::required).isEqualTo(false);
        assertThat(key.toBuilder().build()).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(key).hasToString("CredentialField[api_key, secret, required]");
    }

    @Test
    void credentialFieldsRefuseBadNamesLabelsPatternsAndHelp() {
        assertThatThrownBy(() -> CredentialField.secret("API Key", "API key").build()).hasMessageContaining("Credential field name");
        assertThatThrownBy(() -> CredentialField.secret("api_key", " ").build()).hasMessageContaining("label");
        assertThatThrownBy(() -> CredentialField.secret("api_key", "API key").pattern("[").build()).hasMessageContaining("invalid pattern");
        assertThatThrownBy(() -> CredentialField.secret("api_key", "API key").helpText(" ").build()).hasMessageContaining("helpText");
        assertThatThrownBy(() -> CredentialField.secret("api_key", "API key").pattern(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void queryTypesKeepParametersAndFieldsInOrderAndRefuseDuplicates() {
        QueryType recent = QueryType.builder("acme.recent", "Recent.")
                .parameter(ParameterSpec.integer("limit", "How many."), ParameterSpec.string("status", "Which."))
                .resultField(ResultField.of("count", FieldType.INTEGER, "How many."))
                .build();

        assertThat(recent.parameters()).extracting(ParameterSpec::name).containsExactly("limit", "status");
        assertThat(recent.parameter("status")).isPresent();
        assertThat(recent.parameter("other")).isEmpty();
        assertThatThrownBy(() -> recent.parameters().add(ParameterSpec.bool("x", "X."))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> QueryType.builder("acme.recent", "Recent.")
                .parameter(ParameterSpec.integer("limit", "How many."), ParameterSpec.integer("limit", "Again."))
                .resultField(ResultField.of("count", FieldType.INTEGER, "How many.")).build())
                .hasMessageContaining("Parameter of acme.recent 'limit' is declared twice");
        assertThatThrownBy(() -> QueryType.builder("acme.recent", "Recent.")
                .resultField(ResultField.of("count", FieldType.INTEGER, "A."), ResultField.of("count", FieldType.STRING, "B.")).build())
                .hasMessageContaining("Result field of acme.recent 'count' is declared twice");
        assertThatThrownBy(() -> QueryType.builder("acme.none", "Nothing.").build()).hasMessageContaining("must declare its result fields");
    }

    @Test
    void resultFieldsOfMoneyNameTheirCurrencyAndOnlyMoneyDoes() {
        ResultField amount = ResultField.money("amount", "Charged.", "currency");

        assertThat(amount.type()).isEqualTo(FieldType.MONEY);
        assertThat(amount.currencyField()).isEqualTo("currency");
        assertThat(amount.asNullable().nullable()).isTrue();
        assertThat(amount.asNullable().currencyField()).isEqualTo("currency");
        assertThat(ResultField.of("count", FieldType.INTEGER, "N.").currencyField()).isNull();
        assertThatThrownBy(() -> ResultField.of("amount", FieldType.MONEY, "Charged."))
                .hasMessageContaining("a MONEY field, and only one, names its currency field");
        assertThatThrownBy(() -> ResultField.money("amount", "Charged.", "Currency")).hasMessageContaining("currencyField");
        assertThatThrownBy(() -> ResultField.money("amount", "Charged.", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void resultFieldsNestInContainersOnlyWithUniqueChildren() {
        ResultField items = ResultField.arrayOf("items", "The items.", ResultField.of("id", FieldType.STRING, "Id."));
        ResultField owner = ResultField.objectOf("owner", "Who.", ResultField.nullable("email", FieldType.STRING, "Email."));

        assertThat(items.fields()).extracting(ResultField::name).containsExactly("id");
        assertThat(owner.fields().get(0).nullable()).isTrue();
        assertThat(ResultField.objectOf("any", "Anything.").fields()).isEmpty();
        assertThatThrownBy(() -> ResultField.arrayOf("items", "The items.", ResultField.of("id", FieldType.STRING, "A."),
                ResultField.of("id", FieldType.STRING, "B."))).hasMessageContaining("Child field of items 'id' is declared twice");
        assertThatThrownBy(() -> ResultField.of("Count", FieldType.INTEGER, "N.")).hasMessageContaining("Result field name");
    }

    @Test
    void aStreamWithoutCreationTimeHasNoCursorAndCanBeNeitherIncrementalNorWindowed() {
        StreamDescriptor lines = StreamDescriptor.builder("line_items", "Line items.").withoutCreationTime().build();
        ObjectNode record = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", "li_1").put("created", 1_700_000_000L);

        assertThat(lines.cursorField()).isEmpty();
        assertThat(lines.cursorFormat()).isEmpty();
        assertThat(lines.createdAt(record)).as("a stream without creation time reads none, whatever the record holds").isEmpty();
        assertThat(StreamDescriptor.builder("customers", "Customers.").build().createdAt(record))
                .contains(java.time.Instant.ofEpochSecond(1_700_000_000L));
        assertThatThrownBy(() -> StreamDescriptor.builder("line_items", "Line items.").withoutCreationTime().incremental().build())
                .hasMessageContaining("no creation time");
        assertThatThrownBy(() -> StreamDescriptor.builder("line_items", "Line items.").withoutCreationTime().createdFilter().build())
                .hasMessageContaining("no creation time");
    }

    @Test
    void aPushedStreamKeepsItsRetentionNeedsACreationTimeAndIsNeverRead() {
        Retention retention = new Retention(30, 100_000);
        StreamDescriptor deliveries = StreamDescriptor.builder("deliveries", "Deliveries.")
                .cursor("received_at", CursorFormat.ISO_8601).pushed(retention).build();

        assertThat(deliveries.pushed()).isTrue();
        assertThat(deliveries.retention()).contains(retention);
        assertThat(deliveries.incremental()).isFalse();
        assertThat(deliveries).isNotEqualTo(StreamDescriptor.builder("deliveries", "Deliveries.")
                .cursor("received_at", CursorFormat.ISO_8601).build());
        assertThat(deliveries.toString()).contains("pushed, kept 30 days or 100000 records");
        assertThat(StreamDescriptor.builder("customers", "Customers.").build().retention()).isEmpty();
        assertThatThrownBy(() -> StreamDescriptor.builder("d", "D.").withoutCreationTime().pushed(retention).build())
                .hasMessageContaining("is pushed, so it needs a creation time");
        assertThatThrownBy(() -> StreamDescriptor.builder("d", "D.").incremental().pushed(retention).build())
                .hasMessageContaining("neither incremental");
        assertThatThrownBy(() -> StreamDescriptor.builder("d", "D.").createdFilter().pushed(retention).build())
                .hasMessageContaining("neither incremental nor filtered");
        assertThatThrownBy(() -> new Retention(0, 10)).hasMessageContaining("1 to 36500 days, not 0");
        assertThatThrownBy(() -> new Retention(1, 0)).hasMessageContaining("1 to 100000000 records, not 0");
    }

    @Test
    void aStreamMayOfferFieldsToBeReadByAndAReadByOneTakesNoWindow() {
        StreamDescriptor orders = StreamDescriptor.builder("orders", "Orders.").withoutCreationTime()
                .cursorChoices("updated_at", "id").build();
        assertThat(orders.cursorChoices()).containsExactly("updated_at", "id");
        assertThat(orders.toString()).contains("read by a chosen [updated_at, id]");
        assertThat(StreamDescriptor.builder("orders", "Orders.").build().cursorChoices()).isEmpty();
        StreamDescriptor view = StreamDescriptor.builder("eu_orders", "A view.").primaryKey("row_key").withoutCreationTime()
                .keyChoices("order_id", "line").build();
        assertThat(view.keyChoices()).containsExactly("order_id", "line");
        assertThat(view.toString()).contains("keyed by a chosen [order_id, line]");
        assertThat(new StreamReadRequest("eu_orders", null, null, 10).withKey(java.util.List.of("order_id")).key()).containsExactly("order_id");
        assertThatThrownBy(() -> StreamDescriptor.builder("d", "D.").cursor("at", CursorFormat.ISO_8601)
                .pushed(new Retention(1, 1)).cursorChoices("at").build()).hasMessageContaining("no cursor to choose");

        com.fasterxml.jackson.databind.node.IntNode after = com.fasterxml.jackson.databind.node.IntNode.valueOf(7);
        StreamReadRequest byId = new StreamReadRequest("orders", null, null, 10, "id", after, null);
        assertThat(byId.after()).isEqualTo(after);
        assertThat(new StreamReadRequest("orders", null, null, 10)).isEqualTo(new StreamReadRequest("orders", null, null, 10, null, null, java.util.List.of()));
        assertThatThrownBy(() -> new StreamReadRequest("orders", null, null, 10, null, after, null)).hasMessageContaining("give cursorField too");
        assertThatThrownBy(() -> new StreamReadRequest("orders", null, new CreatedWindow(java.time.Instant.EPOCH,
                java.time.Instant.EPOCH.plusSeconds(1)), 10, "id", null, null)).hasMessageContaining("takes no creation window");
    }

    @Test
    void streamsDefaultToIdAndCreatedInUnixSecondsReadWhole() {
        StreamDescriptor plain = StreamDescriptor.builder("customers", "Customers.").build();
        StreamDescriptor tickets = StreamDescriptor.builder("tickets", "Tickets.").primaryKey("number")
                .cursor("opened_at", CursorFormat.ISO_8601).incremental().createdFilter().build();

        assertThat(plain.primaryKey()).isEqualTo("id");
        assertThat(plain.cursorField()).contains("created");
        assertThat(plain.cursorFormat()).contains(CursorFormat.UNIX_SECONDS);
        assertThat(plain.incremental()).isFalse();
        assertThat(plain.createdFilter()).isFalse();
        assertThat(tickets.primaryKey()).isEqualTo("number");
        assertThat(tickets.cursorField()).contains("opened_at");
        assertThat(tickets.cursorFormat()).contains(CursorFormat.ISO_8601);
        assertThat(tickets.incremental()).isTrue();
        assertThat(tickets.createdFilter()).isTrue();
        assertThat(tickets).hasToString("StreamDescriptor[tickets, key number, cursor opened_at ISO_8601, incremental, created filter]");
    }

    @Test
    void streamsRefuseBadNamesKeysAndCursors() {
        assertThatThrownBy(() -> StreamDescriptor.builder("Tickets", "Tickets.").build()).hasMessageContaining("Stream name");
        assertThatThrownBy(() -> StreamDescriptor.builder("tickets", "").build()).hasMessageContaining("description");
        assertThatThrownBy(() -> StreamDescriptor.builder("tickets", "Tickets.").primaryKey("ID").build()).hasMessageContaining("primaryKey");
        assertThatThrownBy(() -> StreamDescriptor.builder("tickets", "Tickets.").cursor("created-at", CursorFormat.UNIX_SECONDS).build())
                .hasMessageContaining("cursorField");
        assertThatThrownBy(() -> StreamDescriptor.builder("tickets", "Tickets.").cursor("created", null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("cursorFormat");
    }
}
