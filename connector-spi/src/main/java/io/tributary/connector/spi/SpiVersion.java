package io.tributary.connector.spi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of this SPI, and the rule that decides whether a connector built against one
 * version runs on a host that provides another.
 *
 * <p>A connector reports the version it was compiled against by returning {@link #CURRENT} from
 * {@link ConnectorFactory#spiVersion()}. Because {@code CURRENT} is a compile-time constant, the
 * Java compiler copies its value into the connector's class file: the connector keeps reporting
 * the version it was built for even when it later runs on a newer host.
 *
 * <h2>What may change in a minor version</h2>
 * A minor version ({@code 2.0 -> 2.1}) only adds: new {@code default} methods on interfaces, new
 * builder methods and accessors, new static factories, new constants in
 * {@link StandardErrorCode}, new optional parameter or field types that older connectors never
 * see, new types. A connector built for {@code 2.x} runs on any host providing {@code 2.y} with
 * {@code y >= x}. Anything else (removing or changing a method, a record component or an enum
 * constant's meaning) needs a new major version; the build's API compatibility check enforces this
 * against the released 2.0 baseline. A host refuses connectors built for another major version,
 * or for a newer minor one, at start-up.
 *
 * <h2>2.0</h2>
 * Capabilities are facets a connector returns ({@link Connector#webhooks()},
 * {@link Connector#streams()}, and under streams {@link Streams#changeFeed()} and
 * {@link Streams#mirrorQueries()}); settings are a typed schema validated once, before
 * {@link ConnectorFactory#create}; values that may grow are classes with builders; the host's
 * machinery (registry, validators, contexts) lives in the {@code connector-host} module.
 *
 * <h2>2.1</h2>
 * Adds {@link ParameterType#OBJECT} (a JSON object parameter, such as the values a user-written
 * query binds) and {@link Connector#resultFields} (a result whose fields depend on the request,
 * such as the columns of a SQL query), and {@link CredentialField#generatedWhenEmpty()} (a secret
 * the host generates when a person leaves it empty, in a {@link SecretFormat}).
 *
 * <h2>2.2</h2>
 * Adds pushed streams ({@link StreamDescriptor.Builder#pushed}, with a {@link Retention}): records
 * that arrive in webhook deliveries, which the host keeps and answers queries from, for a
 * connector with no outside system to read (signed deliveries of any JSON); and
 * {@link Webhooks#verificationFields()} (plain credential fields, such as a signature scheme, that
 * verifying a delivery reads through {@link WebhookContext#verificationField}); and
 * {@link Streams#discover} (streams that depend on the source, such as a database's tables).
 */
public final class SpiVersion {

    /** The major version: connectors must match it exactly. */
    public static final int MAJOR = 2;

    /** The minor version: connectors built for this or an older minor version are accepted. */
    public static final int MINOR = 2;

    /** {@code "MAJOR.MINOR"}; return this from {@link ConnectorFactory#spiVersion()}. */
    public static final String CURRENT = MAJOR + "." + MINOR;

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    private SpiVersion() {
    }

    /**
     * Whether a connector built for {@code builtFor} runs on this SPI.
     *
     * @param builtFor the version the connector reports, such as {@code "2.0"}
     * @return true when the major versions match and the connector's minor is not newer than ours
     */
    public static boolean isCompatible(String builtFor) {
        if (builtFor == null) {
            return false;
        }
        Matcher matcher = FORMAT.matcher(builtFor.trim());
        if (!matcher.matches()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major == MAJOR && minor <= MINOR;
    }
}
