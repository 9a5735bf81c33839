package io.tributary.connector.stripe;

import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns which account a key opens: its id, default currency and name. A restricted key without
 * the Account permission cannot read {@code /v1/account}, but Stripe's refusal names the account,
 * so the id is known either way. Kept per key for an hour, so refreshes do not ask again.
 */
final class AccountProfiles {

    private static final Duration FRESH_FOR = Duration.ofHours(1);
    private static final Pattern ACCOUNT_IN_MESSAGE = Pattern.compile("on account '(acct_[A-Za-z0-9]+)'");

    private AccountProfiles() {
    }

    /** The profile, fetched when not known or older than an hour. */
    static StripeAccount.Profile profile(StripeSession session) {
        Instant now = session.clock().instant();
        Optional<StripeAccount.Profile> known = session.account().profile();
        if (known.isPresent() && known.get().fetchedAt().plus(FRESH_FOR).isAfter(now)) {
            return known.get();
        }
        StripeAccount.Profile profile = fetch(session, now);
        session.account().remember(profile);
        return profile;
    }

    private static StripeAccount.Profile fetch(StripeSession session, Instant now) {
        try {
            Account account = session.client().v1().accounts().retrieveCurrent();
            String name = account.getSettings() != null && account.getSettings().getDashboard() != null
                    ? account.getSettings().getDashboard().getDisplayName() : null;
            if (name == null && account.getBusinessProfile() != null) {
                name = account.getBusinessProfile().getName();
            }
            return new StripeAccount.Profile(account.getId(), account.getDefaultCurrency(), blankToNull(name), true, now);
        } catch (PermissionException e) {
            String message = e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage();
            Matcher matcher = ACCOUNT_IN_MESSAGE.matcher(message == null ? "" : message);
            String accountId = matcher.find() ? matcher.group(1) : "unknown (key " + session.key().masked() + ")";
            return new StripeAccount.Profile(accountId, null, null, false, now);
        } catch (StripeException e) {
            throw StripeFailures.map(e, StripePermission.ACCOUNT);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
