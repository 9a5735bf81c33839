package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.StreamDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An installed connector as the API shows it: its description and what it can do, as data for
 * forms and clients. The server owns this shape, so the SPI's types can evolve without changing
 * what clients read.
 *
 * @param capabilities the optional capabilities it has: {@code webhooks}, {@code streams},
 *     {@code changeFeed}, {@code mirrorQueries}
 * @param streamsPerSource whether each data source has streams of its own, found when its
 *     credentials are checked ({@code GET /api/v1/data-sources/{id}/streams}); {@code streams} are
 *     then those every source has
 */
public record ConnectorView(String typeId, String displayName, @Schema(nullable = true) String description, String spiVersion,
                            List<CredentialFieldView> credentialFields, List<QueryTypeView> queryTypes,
                            List<StreamView> streams, boolean acceptsWebhooks, List<String> capabilities, boolean streamsPerSource) {

    public static ConnectorView of(InstalledConnector connector) {
        List<String> capabilities = new ArrayList<>();
        connector.webhooks().ifPresent(facet -> capabilities.add("webhooks"));
        connector.streams().ifPresent(facet -> capabilities.add("streams"));
        connector.changeFeed().ifPresent(facet -> capabilities.add("changeFeed"));
        connector.mirrorQueries().ifPresent(facet -> capabilities.add("mirrorQueries"));
        return new ConnectorView(connector.typeId(), connector.descriptor().displayName(), connector.descriptor().description(),
                connector.spiVersion(),
                connector.credentialFields().stream().map(CredentialFieldView::of).toList(),
                connector.descriptor().queryTypes().stream().map(QueryTypeView::of).toList(),
                connector.streamDescriptors().stream().map(StreamView::of).toList(),
                connector.acceptsWebhooks(), List.copyOf(capabilities), connector.discoversStreams());
    }

    /** A field a person fills in to connect; {@code generatedWhenEmpty}: left empty, the server generates it and shows it once. */
    public record CredentialFieldView(String name, String label, boolean secret, boolean required, @Schema(nullable = true) String pattern,
                                      @Schema(nullable = true) String helpText, List<String> publicPrefixes, boolean generatedWhenEmpty) {
        static CredentialFieldView of(CredentialField field) {
            return new CredentialFieldView(field.name(), field.label(), field.secret(), field.required(), field.pattern(),
                    field.helpText(), field.publicPrefixes(), field.generatedWhenEmpty().isPresent());
        }
    }

    /** A query a block can run: its parameters and the shape of its result. */
    public record QueryTypeView(String id, String description, List<ParameterView> parameters, List<ResultFieldView> resultFields) {
        static QueryTypeView of(QueryType type) {
            return new QueryTypeView(type.id(), type.description(), type.parameters().stream().map(ParameterView::of).toList(),
                    type.resultFields().stream().map(ResultFieldView::of).toList());
        }
    }

    /** One parameter of a query type. */
    public record ParameterView(String name,
                                String type,
                                @Schema(nullable = true) String description,
                                boolean required,
                                Object defaultValue,
                                @Schema(nullable = true) BigDecimal minimum,
                                @Schema(nullable = true) BigDecimal maximum,
                                List<String> allowedValues,
                                @Schema(nullable = true) String pattern) {
        static ParameterView of(ParameterSpec spec) {
            return new ParameterView(spec.name(), spec.type().name(), spec.description(), spec.required(), spec.defaultValue(),
                    spec.minimum(), spec.maximum(), spec.allowedValues(), spec.pattern());
        }
    }

    /** One field of a query's result; {@code currencyField} names a money field's currency. */
    public record ResultFieldView(String name,
                                  String type,
                                  @Schema(nullable = true) String description,
                                  boolean nullable,
                                  List<ResultFieldView> fields,
                                  @Schema(nullable = true) String currencyField) {
        static ResultFieldView of(ResultField field) {
            return new ResultFieldView(field.name(), field.type().name(), field.description(), field.nullable(),
                    field.fields().stream().map(ResultFieldView::of).toList(), field.currencyField());
        }
    }

    /**
     * A stream the server can mirror into a dataset; {@code cursorField} and {@code cursorFormat} are
     * null when its objects have no creation time.
     *
     * @param pushed its records arrive in webhook deliveries: every source keeps it, it is never selected
     * @param cursorChoices fields a selection may name as {@code cursorField}, to read it incrementally by
     * @param keyChoices for a stream without a key of its own: the fields a selection names as {@code key}
     */
    public record StreamView(String name,
                             @Schema(nullable = true) String description,
                             @Schema(nullable = true) String primaryKey,
                             @Schema(nullable = true) String cursorField,
                             @Schema(nullable = true) String cursorFormat,
                             boolean incremental,
                             boolean createdFilter,
                             boolean pushed,
                             List<String> cursorChoices,
                             List<String> keyChoices) {
        public static StreamView of(StreamDescriptor stream) {
            return new StreamView(stream.name(), stream.description(), stream.primaryKey(), stream.cursorField().orElse(null),
                    stream.cursorFormat().map(Enum::name).orElse(null), stream.incremental(), stream.createdFilter(), stream.pushed(),
                    stream.cursorChoices(), stream.keyChoices());
        }
    }
}
