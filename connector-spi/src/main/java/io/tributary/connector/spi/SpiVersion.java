package io.tributary.connector.spi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of this SPI, and the rule that decides whether a connector built against one
 * version runs on a host that provides another.
 *
 * <p>A connector reports the version it was compiled against by returning {@link #CURRENT} from
 * {@link Connector#spiVersion()}. Because {@code CURRENT} is a compile-time constant, the Java
 * compiler copies its value into the connector's class file: the connector keeps reporting the
 * version it was built for even when it later runs on a newer host.
 *
 * <h2>What may change in a minor version</h2>
 * A minor version ({@code 1.0 -> 1.1}) only adds: new {@code default} methods on interfaces, new
 * static factories, new constants in {@link StandardErrorCode}, new optional parameter or field
 * types that older connectors never see, new record types. A connector built for {@code 1.x} runs
 * on any host providing {@code 1.y} with {@code y >= x}. Anything else (removing or changing a
 * method, a record component or an enum constant's meaning) needs a new major version, and a host
 * refuses connectors built for another major version, or for a newer minor one, at start-up.
 */
public final class SpiVersion {

    /** The major version: connectors must match it exactly. */
    public static final int MAJOR = 1;

    /**
     * The minor version: connectors built for this or an older minor version are accepted. 1.1 added
     * {@link CredentialField#publicPrefixes()} and {@link CapabilityStatus.Status} (a capability may
     * be unknown, with a reason), which a 1.0 host would not understand.
     */
    public static final int MINOR = 1;

    /** {@code "MAJOR.MINOR"}; return this from {@link Connector#spiVersion()}. */
    public static final String CURRENT = MAJOR + "." + MINOR;

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    private SpiVersion() {
    }

    /**
     * Whether a connector built for {@code builtFor} runs on this SPI.
     *
     * @param builtFor the version the connector reports, such as {@code "1.0"}
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
