package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Charge;
import com.stripe.net.ApiResource;
import org.junit.jupiter.api.Test;

class RecentChargesEmailTest {

    private static Charge charge(String customer, String billingEmail, String receiptEmail) {
        return ApiResource.GSON.fromJson("""
                {"id": "ch_1", "object": "charge", "amount": 500, "currency": "usd", "status": "succeeded", "created": 1700000000,
                 "customer": %s, "billing_details": {"email": %s}, "receipt_email": %s}"""
                .formatted(customer, quoted(billingEmail), quoted(receiptEmail)), Charge.class);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    @Test
    void prefersTheCustomersEmailThenTheBillingDetailsThenTheReceipt() {
        String customer = "{\"id\": \"cus_1\", \"object\": \"customer\", \"email\": \"ann@example.com\"}";
        assertThat(RecentChargesQuery.email(charge(customer, "bill@example.com", "receipt@example.com"))).isEqualTo("ann@example.com");
        String noEmail = "{\"id\": \"cus_2\", \"object\": \"customer\", \"email\": null}";
        assertThat(RecentChargesQuery.email(charge(noEmail, "bill@example.com", "receipt@example.com"))).isEqualTo("bill@example.com");
        assertThat(RecentChargesQuery.email(charge("\"cus_3\"", null, "receipt@example.com"))).isEqualTo("receipt@example.com");
        assertThat(RecentChargesQuery.email(charge("null", "", null))).isNull();
        String deleted = "{\"id\": \"cus_4\", \"object\": \"customer\", \"deleted\": true}";
        assertThat(RecentChargesQuery.email(charge(deleted, null, null))).isNull();
    }
}
