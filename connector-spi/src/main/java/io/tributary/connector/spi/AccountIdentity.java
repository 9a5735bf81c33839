package io.tributary.connector.spi;

/**
 * Whose account a set of credentials opens.
 *
 * @param accountId the outside system's id of the account, such as {@code acct_1Nv0FG...}
 * @param livemode true for live (production) data, false for a test or sandbox account
 * @param displayName the account's name for people, or null when unknown
 */
public record AccountIdentity(String accountId, boolean livemode, String displayName) {

    /** Checks the inputs. */
    public AccountIdentity {
        Checks.text(accountId, "accountId");
        Checks.optionalText(displayName, "displayName");
    }
}
