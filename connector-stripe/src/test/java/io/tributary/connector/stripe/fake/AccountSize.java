package io.tributary.connector.stripe.fake;

/**
 * How big a generated account is. Customers, subscriptions and charges are given; the other
 * types follow from them (see each accessor), with small floors so every type is present.
 *
 * @param customers     number of customers
 * @param subscriptions number of subscriptions (each with a latest invoice)
 * @param charges       number of charges (each with a payment intent)
 */
public record AccountSize(int customers, int subscriptions, int charges) {

    public AccountSize {
        if (customers < 1 || subscriptions < 0 || charges < 0) {
            throw new IllegalArgumentException("An account needs a customer and no negative counts");
        }
    }

    public static AccountSize of(int customers, int subscriptions, int charges) {
        return new AccountSize(customers, subscriptions, charges);
    }

    /** A small account with every type present: 12 customers, 16 subscriptions, 20 charges. */
    public static AccountSize small() {
        return of(12, 16, 20);
    }

    int products() {
        return Math.max(3, customers / 25);
    }

    int coupons() {
        return Math.max(4, customers / 40);
    }

    int refunds() {
        return Math.max(1, charges / 10);
    }

    int disputes() {
        return Math.max(1, charges / 40);
    }

    int payouts() {
        return Math.max(2, charges / 25);
    }

    int transfers() {
        return Math.max(1, charges / 50);
    }

    int checkoutSessions() {
        return Math.max(2, customers / 8);
    }

    int invoiceItems() {
        return Math.max(2, subscriptions / 10);
    }

    int creditNotes() {
        return Math.max(1, subscriptions / 20);
    }

    int customerBalanceTransactions() {
        return Math.max(2, customers / 10);
    }

    int customerBankAccounts() {
        return Math.max(1, customers / 50);
    }

    int events() {
        return Math.max(3, customers / 20);
    }
}
