package io.tributary.connector.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a connector is and offers, as data, so that a console or an API client can render its
 * forms and the host can validate input without knowing the connector.
 *
 * @param typeId the connector's type id, such as {@code stripe}: lower-case letters, digits,
 *     {@code -} and {@code _}; unique among installed connectors
 * @param displayName the name shown to people, such as {@code Stripe}
 * @param description one or two sentences on what the connector reads
 * @param credentialFields the fields a person fills in to connect, in display order
 * @param queryTypes the queries a binding can run, each id prefixed with {@code typeId + "."}
 * @param streams the object streams the host can mirror; may be empty
 * @param acceptsWebhooks whether the outside system can push signed events to the host, in which
 *     case the connector implements {@link Connector#parseWebhook}
 */
public record ConnectorDescriptor(
        String typeId,
        String displayName,
        String description,
        List<CredentialField> credentialFields,
        List<QueryType> queryTypes,
        List<StreamDescriptor> streams,
        boolean acceptsWebhooks) {

    private static final Pattern TYPE_ID = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    /** Checks and copies every input; ids must be unique and query ids prefixed by the type id. */
    public ConnectorDescriptor {
        Objects.requireNonNull(typeId, "typeId");
        if (!TYPE_ID.matcher(typeId).matches()) {
            throw new IllegalArgumentException("typeId must be 1-40 lower-case letters, digits, '-' or '_', starting with a letter: '" + typeId + "'");
        }
        Checks.text(displayName, "displayName");
        Checks.text(description, "description");
        credentialFields = Checks.list(credentialFields, "credentialFields");
        queryTypes = Checks.list(queryTypes, "queryTypes");
        streams = Checks.list(streams, "streams");
        Checks.unique(credentialFields, CredentialField::name, "Credential field");
        Checks.unique(queryTypes, QueryType::id, "Query type");
        Checks.unique(streams, StreamDescriptor::name, "Stream");
        for (QueryType queryType : queryTypes) {
            if (!queryType.id().startsWith(typeId + ".")) {
                throw new IllegalArgumentException("Query type '" + queryType.id() + "' must be prefixed with '" + typeId + ".'");
            }
        }
    }

    /**
     * The query type with this id.
     *
     * @param id a query type id such as {@code stripe.mrr}
     * @return the query type, or empty when the connector has none by that id
     */
    public Optional<QueryType> queryType(String id) {
        return queryTypes.stream().filter(type -> type.id().equals(id)).findFirst();
    }

    /**
     * The stream with this name.
     *
     * @param name a stream name such as {@code customers}
     * @return the stream, or empty when the connector has none by that name
     */
    public Optional<StreamDescriptor> stream(String name) {
        return streams.stream().filter(stream -> stream.name().equals(name)).findFirst();
    }

    /**
     * The credential field with this name.
     *
     * @param name a field name such as {@code api_key}
     * @return the field, or empty
     */
    public Optional<CredentialField> credentialField(String name) {
        return credentialFields.stream().filter(field -> field.name().equals(name)).findFirst();
    }
}
