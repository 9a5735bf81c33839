package io.tributary.connector.webhook;

import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.Retention;
import java.time.Duration;
import java.util.List;

/**
 * The operator's settings under {@code connectors.webhook}.
 *
 * @param retention how long every source keeps its deliveries
 * @param tolerance how far a signed timestamp may be from now (schemes that sign one)
 */
record WebhookSettings(Retention retention, Tolerance tolerance) {

    static final String RETENTION_DAYS = "retention_days";
    static final String RETENTION_DELIVERIES = "retention_deliveries";
    static final String TOLERANCE_SECONDS = "tolerance_seconds";

    static List<ParameterSpec> schema() {
        return List.of(
                ParameterSpec.integer(RETENTION_DAYS, "How many days each data source keeps its deliveries.")
                        .between(1, 3650).withDefault(30),
                ParameterSpec.integer(RETENTION_DELIVERIES, "The most deliveries each data source keeps, the newest.")
                        .between(1, 10_000_000).withDefault(100_000),
                ParameterSpec.integer(TOLERANCE_SECONDS, "How far a delivery's signed timestamp may be from now, in seconds.")
                        .between(10, 3600).withDefault(Tolerance.DEFAULT.window().toSeconds()));
    }

    /** Reads validated settings (the host filled in the defaults). */
    static WebhookSettings from(ConnectorSettings settings) {
        return new WebhookSettings(new Retention((int) value(settings, RETENTION_DAYS), value(settings, RETENTION_DELIVERIES)),
                new Tolerance(Duration.ofSeconds(value(settings, TOLERANCE_SECONDS))));
    }

    private static long value(ConnectorSettings settings, String name) {
        return settings.integer(name).orElseThrow(() -> new IllegalStateException("The host fills in the default of " + name));
    }
}
