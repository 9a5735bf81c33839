package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.postgres.StreamNames.Relation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule that names a table's stream. */
class StreamNamesTest {

    @Test
    void aNameIsSchemaTwoUnderscoresTableLowerCasedWithOtherCharactersReplaced() {
        Map<Relation, String> names = StreamNames.assign(List.of(new Relation("public", "orders"),
                new Relation("Sales", "Order Items"), new Relation("public", "naïve-table"), new Relation("_private", "x")));
        assertThat(names).containsEntry(new Relation("public", "orders"), "public__orders")
                .containsEntry(new Relation("Sales", "Order Items"), "sales__order_items")
                .containsEntry(new Relation("public", "naïve-table"), "public__na_ve_table")
                .containsEntry(new Relation("_private", "x"), "t__private__x");
    }

    @Test
    void collidingNamesLeaveTheBaseNameToTheTableSpeltSoAndHashTheOthers() {
        Relation exact = new Relation("public", "order_items");
        Relation spaced = new Relation("public", "Order Items");
        Relation dashed = new Relation("public", "order-items");
        Map<Relation, String> names = StreamNames.assign(List.of(spaced, dashed, exact));
        assertThat(names.get(exact)).isEqualTo("public__order_items");
        assertThat(names.get(spaced)).matches("public__order_items_[0-9a-f]{8}");
        assertThat(names.get(dashed)).matches("public__order_items_[0-9a-f]{8}").isNotEqualTo(names.get(spaced));
        // A hashed name depends on its table alone, never on the others or their order
        assertThat(StreamNames.assign(List.of(exact, dashed, spaced))).isEqualTo(names);
        assertThat(StreamNames.assign(List.of(spaced, new Relation("public", "ORDER_ITEMS"))).get(spaced)).isEqualTo(names.get(spaced));
        // Without the exact one, every colliding name is hashed
        Map<Relation, String> withoutExact = StreamNames.assign(List.of(spaced, dashed));
        assertThat(withoutExact.get(spaced)).isEqualTo(names.get(spaced));
        assertThat(StreamNames.assign(List.of(spaced)).get(spaced)).isEqualTo("public__order_items");
    }

    @Test
    void aSchemaWithTwoUnderscoresCannotTakeAnotherTablesName() {
        Relation split = new Relation("a__b", "c");
        Relation plain = new Relation("a", "b__c");
        Map<Relation, String> names = StreamNames.assign(List.of(split, plain));
        assertThat(names.get(plain)).isEqualTo("a__b__c");
        assertThat(names.get(split)).matches("a__b__c_[0-9a-f]{8}");
    }

    @Test
    void longNamesAreCutTo64AndStayDistinct() {
        String longName = "a".repeat(80);
        Relation first = new Relation("public", longName);
        Relation second = new Relation("public", longName + "b");
        Map<Relation, String> names = StreamNames.assign(List.of(first, second));
        assertThat(names.values()).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(64).matches("[a-z][a-z0-9_]*"));
        assertThat(names.get(first)).isNotEqualTo(names.get(second));
        assertThat(StreamNames.assign(List.of(first)).get(first)).isEqualTo(("public__" + longName).substring(0, 64));
    }

    @Test
    void aTableNamedLikeAHashedNameStillGetsADistinctName() {
        Relation spaced = new Relation("public", "Order Items");
        Relation exact = new Relation("public", "order_items");
        String hashed = StreamNames.assign(List.of(spaced, exact)).get(spaced);
        Relation impostor = new Relation("public", hashed.substring("public__".length()));
        Map<Relation, String> names = StreamNames.assign(List.of(spaced, exact, impostor));
        assertThat(names.values()).doesNotHaveDuplicates().hasSize(3);
        assertThat(names.get(spaced)).isEqualTo(hashed);
        assertThat(names.get(impostor)).isEqualTo(hashed + "_2");
    }
}
