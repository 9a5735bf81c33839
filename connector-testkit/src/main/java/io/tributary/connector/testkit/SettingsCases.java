package io.tributary.connector.testkit;

import io.tributary.connector.host.ConnectorInstaller;
import io.tributary.connector.host.ConnectorLoadException;
import io.tributary.connector.host.SettingsValidator;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicTest;

/**
 * The connector's settings schema as the host uses it at start-up: the contract's settings
 * validate, an unknown key is refused before anything is created, an empty configuration works or
 * names what is required, and the schema declares each setting once and no secrets.
 */
final class SettingsCases {

    /** A key no connector declares, for the "unknown key" case. */
    static final String UNKNOWN_KEY = "not_a_setting_of_this_connector";

    private final ConnectorFactory factory;
    private final String typeId;
    private final List<ParameterSpec> schema;
    private final Map<String, ?> configured;

    SettingsCases(ConnectorFactory factory, Map<String, ?> configured) {
        this.factory = factory;
        this.typeId = factory.descriptor().typeId();
        this.schema = factory.settings();
        this.configured = configured;
    }

    List<DynamicTest> tests() {
        return List.of(
                DynamicTest.dynamicTest("settings: the contract's settings() validate", this::contractSettingsValidate),
                DynamicTest.dynamicTest("settings: an unknown key is refused before the connector is created", this::unknownKeyRefused),
                DynamicTest.dynamicTest("settings: nothing configured", this::nothingConfigured),
                DynamicTest.dynamicTest("settings: each declared once, none secret", this::declaredOnceNoneSecret));
    }

    private void contractSettingsValidate() {
        Verdicts.assertNone("settings: the contract's settings() validate", SettingsValidator.problems(typeId, schema, configured)
                .stream().map(problem -> problem + ". To fix: return settings the schema accepts from settings()").toList());
    }

    private void unknownKeyRefused() {
        String caseName = "settings: an unknown key is refused before the connector is created";
        Map<String, Object> withUnknown = new HashMap<>(configured);
        withUnknown.put(UNKNOWN_KEY, "x");
        CountingFactory counting = new CountingFactory(factory);
        try {
            Connector created = ConnectorInstaller.install(counting, "(contract test)", withUnknown).connector();
            created.close();
            throw Verdicts.failure(caseName, "the host installed the connector with connectors." + typeId + "." + UNKNOWN_KEY,
                    "do not declare a setting named " + UNKNOWN_KEY);
        } catch (ConnectorLoadException e) {
            String path = "connectors." + typeId + "." + UNKNOWN_KEY;
            Verdicts.check(e.getMessage().contains(path), caseName, "the refusal does not name " + path + ": " + e.getMessage(),
                    "leave settings validation to the host (declare settings in ConnectorFactory.settings())");
            Verdicts.check(counting.creates.get() == 0, caseName, "create() was called with invalid settings",
                    "leave settings validation to the host");
        }
    }

    private void nothingConfigured() {
        String caseName = "settings: nothing configured";
        List<ParameterSpec> required = schema.stream().filter(ParameterSpec::required).toList();
        List<String> problems = SettingsValidator.problems(typeId, schema, Map.of());
        if (required.isEmpty()) {
            Verdicts.assertNone(caseName, problems);
            ConnectorSettings defaults = SettingsValidator.validate(typeId, schema, Map.of());
            Verdicts.check(defaults.equals(ConnectorSettings.defaults(schema)), caseName,
                    "the host's defaults " + defaults + " differ from the schema's", "give every optional setting a valid default or none");
            return;
        }
        for (ParameterSpec spec : required) {
            Verdicts.check(problems.stream().anyMatch(problem -> problem.startsWith("connectors." + typeId + "." + spec.name() + " is required")),
                    caseName, "a server configured without '" + spec.name() + "' is not told it is required",
                    "declare it with ParameterSpec.asRequired()");
        }
    }

    private void declaredOnceNoneSecret() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ParameterSpec spec : schema) {
            if (!names.add(spec.name())) {
                problems.add("setting '" + spec.name() + "' is declared twice. To fix: declare it once in ConnectorFactory.settings()");
            }
            if (DescriptorChecks.looksSecret(spec.name())) {
                problems.add("setting '" + spec.name() + "' looks secret, but settings are the operator's plain configuration. To fix: "
                        + "make it a secret credential field of the descriptor instead");
            }
        }
        Verdicts.assertNone("settings: each declared once, none secret", problems);
    }

    /** The factory under test, counting {@code create} calls. */
    private static final class CountingFactory implements ConnectorFactory {
        private final ConnectorFactory delegate;
        private final AtomicInteger creates = new AtomicInteger();

        CountingFactory(ConnectorFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String spiVersion() {
            return delegate.spiVersion();
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return delegate.descriptor();
        }

        @Override
        public List<ParameterSpec> settings() {
            return delegate.settings();
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            creates.incrementAndGet();
            return delegate.create(settings);
        }
    }
}
