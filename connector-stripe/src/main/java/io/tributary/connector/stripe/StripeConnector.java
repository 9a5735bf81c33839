package io.tributary.connector.stripe;

import io.tributary.connector.spi.AccountIdentity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.ChangePage;
import io.tributary.connector.spi.ChangeRequest;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.MirrorReader;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.SpiVersion;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Stripe connector: reads a Stripe account with a restricted read-only key (or a secret key,
 * with a warning), answers MRR, balance, charge, revenue and subscriber queries and reads of any
 * object, verifies webhooks, and reads every object stream for mirroring. It never writes to
 * Stripe.
 *
 * <p>Mirrored streams are kept current by a change feed built on the account's events
 * ({@link StripeChangeFeed}, which needs the Events read permission): each event becomes a row of
 * the {@code events} stream and a change to the object it is about ({@link EventChanges}); an event
 * rendered at another API version than the one this connector reads at carries no state, and the
 * host reads the object again ({@link #readObject}). So does an event about a subscription with
 * discounts: the stream holds subscriptions with their discounts expanded, and an event's payload
 * never carries expansions. Stripe keeps events for 30 days, so a feed left unread longer than that
 * expires and the host reads the streams again.
 *
 * <p>Three queries can be answered from the host's mirror of the streams ({@link #mirrorStreams},
 * {@link #runQueryOnMirror}), with the same result as live: {@code stripe.mrr} from the
 * subscriptions and coupons, {@code stripe.recent_charges} from the charges and customers, and
 * {@code stripe.revenue} from the balance transactions. Each runs the live query's own rules on the
 * mirrored objects, turned back into stripe-java's models. They still ask Stripe for the account's
 * default currency when the result needs it and no {@code currency} is given (at most once an hour
 * per key, as live) and for the rest of a subscription's items when Stripe embedded only some; and
 * they answer nothing (so the host runs the query live) when the mirror cannot give the same
 * result: recent charges created in the same second, or mirrored subscriptions whose discounts
 * are not expanded.
 */
public final class StripeConnector implements Connector {

    private static final String TYPE_ID = "stripe";

    private final StripeAccounts accounts = new StripeAccounts();
    private final Map<String, StripeQuery> queries = List.of(new MrrQuery(), new BalanceQuery(), new RecentChargesQuery(),
                    new ListQuery(), new GetQuery(), new RevenueQuery(), new SubscribersQuery()).stream()
            .collect(Collectors.toUnmodifiableMap(StripeQuery::id, Function.identity()));
    private final ConnectorDescriptor descriptor = new ConnectorDescriptor(TYPE_ID, "Stripe",
            "Payments, subscriptions and balances from a Stripe account, read with a restricted read-only key.",
            List.of(CredentialField.secret(StripeCredentials.API_KEY, "Restricted API key", StripeKey.PATTERN, StripeKey.HELP)
                            .withPublicPrefixes(StripeKey.KINDS.toArray(String[]::new)),
                    new CredentialField(StripeCredentials.WEBHOOK_SECRET, "Webhook signing secret", true, false, "whsec_[A-Za-z0-9]{16,}",
                            "Optional: the signing secret (whsec_...) of a webhook endpoint pointed at this data source, for updates within seconds")
                            .withPublicPrefixes("whsec_")),
            StripeQueryTypes.all(),
            Arrays.stream(StripeStream.values()).map(StripeStream::descriptor).toList(),
            true);

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void checkParameters(QueryRequest request) {
        query(request.queryTypeId()).check(request);
    }

    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        StripeSession session = StripeSession.open(context, accounts);
        StripeAccount.Profile profile = AccountProfiles.profile(session);
        Map<StripePermission, PermissionProbe.Outcome> outcomes = new EnumMap<>(StripePermission.class);
        for (StripePermission permission : StripePermission.values()) {
            outcomes.put(permission, PermissionProbe.probe(session, permission, profile));
        }
        List<CapabilityStatus> capabilities = new ArrayList<>();
        for (QueryType queryType : descriptor.queryTypes()) {
            capabilities.add(KeyCapabilities.status(CapabilityStatus.Kind.QUERY_TYPE, queryType.id(), query(queryType.id()).permissions(),
                    outcomes));
        }
        for (StripeStream stream : StripeStream.values()) {
            capabilities.add(KeyCapabilities.status(CapabilityStatus.Kind.STREAM, stream.streamName(), Set.of(stream.permission()), outcomes));
        }
        List<String> warnings = new ArrayList<>();
        if (!session.key().restricted()) {
            warnings.add("This is a secret key: it can also write to your Stripe account. Tributary only reads, so a restricted key "
                    + "with Read permissions is safer.");
        }
        warnings.addAll(KeyCapabilities.warnings(capabilities));
        return new CredentialCheck(new AccountIdentity(profile.accountId(), session.key().livemode(), profile.displayName()),
                capabilities, warnings);
    }

    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        StripeQuery query = query(request.queryTypeId());
        return query.run(StripeSession.open(context, accounts), request);
    }

    @Override
    public List<WebhookEvent> parseWebhook(ConnectorContext context, WebhookRequest request) {
        return StripeWebhooks.parse(context, request);
    }

    @Override
    public StreamPage readStream(ConnectorContext context, StreamReadRequest request) {
        StripeStream stream = StripeStream.require(request.stream());
        return StreamReader.read(StripeSession.open(context, accounts), stream, request);
    }

    @Override
    public String changeFeedStart(ConnectorContext context) {
        return StripeChangeFeed.start(StripeSession.open(context, accounts));
    }

    @Override
    public ChangePage readChanges(ConnectorContext context, ChangeRequest request) {
        return StripeChangeFeed.read(() -> StripeSession.open(context, accounts), request);
    }

    @Override
    public Optional<ObjectNode> readObject(ConnectorContext context, String stream, String objectId) {
        StripeStream known = StripeStream.require(stream);
        return StripeObjectReader.read(() -> StripeSession.open(context, accounts), known, objectId);
    }

    @Override
    public Set<String> mirrorStreams(QueryRequest request) {
        StripeQuery query = queries.get(request.queryTypeId());
        return query == null ? Set.of() : query.mirrorStreams();
    }

    @Override
    public Optional<QueryResult> runQueryOnMirror(ConnectorContext context, QueryRequest request, MirrorReader mirror) {
        StripeQuery query = queries.get(request.queryTypeId());
        if (query == null || query.mirrorStreams().isEmpty()) {
            return Optional.empty(); // the live query reports what is wrong with the request
        }
        return query.runOnMirror(new MirrorRun(request, mirror, context.clock(),
                new OnDemandSession(() -> StripeSession.open(context, accounts))));
    }

    private StripeQuery query(String id) {
        StripeQuery query = queries.get(id);
        if (query == null) {
            throw new ConnectorException(StandardErrorCode.UNKNOWN_QUERY_TYPE, "Stripe has no query type '" + id + "'", "type", null, null, null);
        }
        return query;
    }
}
