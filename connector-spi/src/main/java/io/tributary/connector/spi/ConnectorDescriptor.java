package io.tributary.connector.spi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a connector is, as data, so that a console or an API client can render its forms and the
 * host can validate input without knowing the connector. What it can do beyond queries is not
 * here: those are the facets {@link Connector} returns.
 *
 * <p>Build one with {@link #builder}: {@code ConnectorDescriptor.builder("acme", "Acme",
 * "Reads Acme's tickets.").credentialField(...).queryType(...).build()}.
 */
// Serialised from its fields (named as its accessors), as it was as a record: hosts render forms from this JSON.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ConnectorDescriptor {

    private static final Pattern TYPE_ID = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private final String typeId;
    private final String displayName;
    private final String description;
    private final List<CredentialField> credentialFields;
    private final List<QueryType> queryTypes;
    private final MinorUnits minorUnits;

    private ConnectorDescriptor(Builder builder) {
        this.typeId = Objects.requireNonNull(builder.typeId, "typeId");
        if (!TYPE_ID.matcher(typeId).matches()) {
            throw new IllegalArgumentException("typeId must be 1-40 lower-case letters, digits, '-' or '_', starting with a letter: '" + typeId + "'");
        }
        this.displayName = Checks.text(builder.displayName, "displayName");
        this.description = Checks.text(builder.description, "description");
        this.credentialFields = Checks.list(builder.credentialFields, "credentialFields");
        this.queryTypes = Checks.list(builder.queryTypes, "queryTypes");
        this.minorUnits = Objects.requireNonNull(builder.minorUnits, "minorUnits");
        Checks.unique(credentialFields, CredentialField::name, "Credential field");
        Checks.unique(queryTypes, QueryType::id, "Query type");
        for (QueryType queryType : queryTypes) {
            if (!queryType.id().startsWith(typeId + ".")) {
                throw new IllegalArgumentException("Query type '" + queryType.id() + "' must be prefixed with '" + typeId + ".'");
            }
        }
    }

    /**
     * Starts a descriptor.
     *
     * @param typeId the connector's type id, such as {@code stripe}: lower-case letters, digits,
     *     {@code -} and {@code _}; unique among installed connectors
     * @param displayName the name shown to people, such as {@code Stripe}
     * @param description one or two sentences on what the connector reads
     * @return a builder
     */
    public static Builder builder(String typeId, String displayName, String description) {
        return new Builder(typeId, displayName, description);
    }

    /** @return the connector's type id */
    public String typeId() {
        return typeId;
    }

    /** @return the name shown to people */
    public String displayName() {
        return displayName;
    }

    /** @return what the connector reads */
    public String description() {
        return description;
    }

    /** @return the fields a person fills in to connect, in display order */
    public List<CredentialField> credentialFields() {
        return credentialFields;
    }

    /** @return the queries a binding can run, each id prefixed with {@code typeId + "."} */
    public List<QueryType> queryTypes() {
        return queryTypes;
    }

    /** @return how the connector writes amounts of money ({@link FieldType#MONEY}) */
    public MinorUnits minorUnits() {
        return minorUnits;
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
     * The credential field with this name.
     *
     * @param name a field name such as {@code api_key}
     * @return the field, or empty
     */
    public Optional<CredentialField> credentialField(String name) {
        return credentialFields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectorDescriptor that && typeId.equals(that.typeId) && displayName.equals(that.displayName)
                && description.equals(that.description) && credentialFields.equals(that.credentialFields)
                && queryTypes.equals(that.queryTypes) && minorUnits.equals(that.minorUnits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeId, displayName, description, credentialFields, queryTypes, minorUnits);
    }

    @Override
    public String toString() {
        return "ConnectorDescriptor[" + typeId + ", " + queryTypes.size() + " query types]";
    }

    /** Builds a {@link ConnectorDescriptor}. */
    public static final class Builder {
        private final String typeId;
        private final String displayName;
        private final String description;
        private final List<CredentialField> credentialFields = new ArrayList<>();
        private final List<QueryType> queryTypes = new ArrayList<>();
        private MinorUnits minorUnits = MinorUnits.ISO_4217;

        private Builder(String typeId, String displayName, String description) {
            this.typeId = typeId;
            this.displayName = displayName;
            this.description = description;
        }

        /**
         * Adds credential fields, in display order.
         *
         * @param fields the fields
         * @return this builder
         */
        public Builder credentialField(CredentialField... fields) {
            credentialFields.addAll(List.of(fields));
            return this;
        }

        /**
         * Adds query types.
         *
         * @param types the query types
         * @return this builder
         */
        public Builder queryType(QueryType... types) {
            queryTypes.addAll(List.of(types));
            return this;
        }

        /**
         * Adds query types.
         *
         * @param types the query types
         * @return this builder
         */
        public Builder queryTypes(List<QueryType> types) {
            queryTypes.addAll(types);
            return this;
        }

        /**
         * How the connector writes money amounts; ISO 4217 when not set.
         *
         * @param units the units
         * @return this builder
         */
        public Builder minorUnits(MinorUnits units) {
            this.minorUnits = Objects.requireNonNull(units, "units");
            return this;
        }

        /**
         * The descriptor.
         *
         * @return a checked descriptor
         * @throws IllegalArgumentException when a value is invalid
         */
        public ConnectorDescriptor build() {
            return new ConnectorDescriptor(this);
        }
    }
}
