/**
 * The connector SPI: the small, stable contract between the Tributary server (the host) and the
 * connectors that read from outside systems such as Stripe.
 *
 * <h2>Writing a connector</h2>
 * <ol>
 *   <li>Implement {@link io.tributary.connector.spi.Connector} with a public no-argument
 *       constructor, and return {@link io.tributary.connector.spi.SpiVersion#CURRENT} from
 *       {@link io.tributary.connector.spi.Connector#spiVersion()}.</li>
 *   <li>Describe it as data in {@link io.tributary.connector.spi.ConnectorDescriptor}: its
 *       credential fields, query types (with parameter and result schemas), streams, and whether
 *       it accepts webhooks. The host renders forms, validates input and checks projections from
 *       this description alone.</li>
 *   <li>List the class in {@code META-INF/services/io.tributary.connector.spi.Connector} and put
 *       the jar on the server's class path; {@link io.tributary.connector.spi.ConnectorRegistry}
 *       finds it with {@link java.util.ServiceLoader}.</li>
 *   <li>Report every failure as a {@link io.tributary.connector.spi.ConnectorException} whose
 *       {@link io.tributary.connector.spi.ErrorKind} tells the host what to do (stop refreshing
 *       the source, fail one binding, retry later, ...).</li>
 *   <li>Extend the {@code connector-testkit} artifact's {@code ConnectorContractTest} in your
 *       tests.</li>
 * </ol>
 *
 * <h2>Rules of the contract</h2>
 * <ul>
 *   <li>Values are records whose constructors check and copy their inputs: a value you receive
 *       is valid and cannot change under you.</li>
 *   <li>The host decides when secrets are decrypted: read
 *       {@link io.tributary.connector.spi.ConnectorContext#credentials()} when you need them and
 *       never cache them beyond one operation.</li>
 *   <li>The SPI depends on the JDK and Jackson only. It never exposes server classes.</li>
 * </ul>
 *
 * <h2>Datasets</h2>
 * The host mirrors a connector's streams into its database. It reads them whole with
 * {@link io.tributary.connector.spi.Connector#readStream} (in creation-time windows where the
 * stream allows), then keeps {@code incremental} streams current with the objects created since
 * and, when the connector has one, its change feed
 * ({@link io.tributary.connector.spi.Connector#changeFeedStart},
 * {@link io.tributary.connector.spi.Connector#readChanges},
 * {@link io.tributary.connector.spi.Connector#readObject}). A connector may also answer queries
 * from the mirror ({@link io.tributary.connector.spi.Connector#mirrorStreams},
 * {@link io.tributary.connector.spi.Connector#runQueryOnMirror}) with the same result as live.
 */
package io.tributary.connector.spi;
