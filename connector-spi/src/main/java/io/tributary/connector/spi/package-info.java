/**
 * The connector SPI 2.0: the small, stable contract between the Tributary server (the host) and
 * the connectors that read from outside systems such as Stripe. It depends on the JDK and Jackson
 * only, and never exposes server classes.
 *
 * <h2>Writing a connector</h2>
 * <ol>
 *   <li>Implement {@link io.tributary.connector.spi.ConnectorFactory} with a public no-argument
 *       constructor, list it in {@code META-INF/services/io.tributary.connector.spi.ConnectorFactory},
 *       and return {@link io.tributary.connector.spi.SpiVersion#CURRENT} from its
 *       {@code spiVersion()}.</li>
 *   <li>Describe the connector as data in a {@link io.tributary.connector.spi.ConnectorDescriptor}:
 *       credential fields, query types (with parameter and result schemas) and how it writes
 *       money ({@link io.tributary.connector.spi.MinorUnits}). Declare its settings as
 *       {@link io.tributary.connector.spi.ParameterSpec}s; the host validates the operator's
 *       configuration against them before {@code create} is called.</li>
 *   <li>Implement {@link io.tributary.connector.spi.Connector}: credentials check and queries,
 *       and return a facet for each optional capability:
 *       {@link io.tributary.connector.spi.Webhooks} (signed pushes; names the credential field
 *       holding the signing secret), {@link io.tributary.connector.spi.Streams} (objects to
 *       mirror), and under it {@link io.tributary.connector.spi.ChangeFeed} and
 *       {@link io.tributary.connector.spi.MirrorQueries}. A facet not returned is a capability the
 *       connector does not have. Release clients in {@code close()}, which must not throw and
 *       must do nothing when called again.</li>
 *   <li>Report every failure as a {@link io.tributary.connector.spi.ConnectorException} whose
 *       {@link io.tributary.connector.spi.ErrorKind} tells the host what to do: its scope decides
 *       whether the source or one operation stops, {@code retryable()} and the exception's
 *       retry-after decide retries. Any other exception is taken for a connector bug
 *       ({@link io.tributary.connector.spi.ErrorKind#INTERNAL}).</li>
 *   <li>Extend the {@code connector-testkit} artifact's {@code ConnectorContractTest} in your
 *       tests, and ship the jar with its own dependencies, but not the SPI nor Jackson, which the
 *       host provides, as a plugin directory: one directory under the server's plugins
 *       directory, loaded in a class loader of its own.</li>
 * </ol>
 *
 * <h2>Rules of the contract</h2>
 * <ul>
 *   <li>Values check and copy their inputs: a value you receive is valid and cannot change under
 *       you, and a JSON node you hand over or receive is a private copy. Values likely to grow
 *       are built with builders, so a later field is not a break.</li>
 *   <li>The host decides when secrets are decrypted: read
 *       {@link io.tributary.connector.spi.ConnectorContext#credentials()} when you need them and
 *       never cache them beyond one operation. Webhook verification gets no credentials at all.</li>
 *   <li>Every stream record carries its primary key and, unless its stream is built
 *       {@code withoutCreationTime()}, its creation time in the stream's
 *       {@link io.tributary.connector.spi.CursorFormat}; creation windows filter by that time.</li>
 *   <li>Time comes from the context ({@link io.tributary.connector.spi.ConnectorContext#clock()},
 *       {@link io.tributary.connector.spi.WebhookContext#clock()}), never from the system clock.</li>
 *   <li>The factory does no I/O, and one connector serves every data source of its type from
 *       many threads at once: it keeps no per-source state but caches keyed by the source.</li>
 * </ul>
 */
package io.tributary.connector.spi;
