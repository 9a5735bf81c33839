package io.tributary.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tributary.server.config.PlanConfig;
import io.tributary.server.config.TributaryConfiguration;
import io.dropwizard.jersey.validation.Validators;
import io.tributary.server.problems.LimitReached;
import jakarta.validation.ConstraintViolation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlansTest {

    private static void assertRefused(Plans plans, String plan, String type, int ofType, int total, String message) {
        assertThatThrownBy(() -> plans.checkDataSourceAllowed(plan, type, ofType, total))
                .isInstanceOfSatisfying(LimitReached.class, refused -> {
                    assertThat(refused.code()).isEqualTo("plan_limit_exceeded");
                    assertThat(refused.field()).isEqualTo("type");
                })
                .hasMessageContaining(message);
    }

    @Test
    void theDefaultFreePlanAllowsOneDataSourceOfAnyTypeAndTheBuilderPlanNoCap() {
        Plans plans = new Plans(new TributaryConfiguration().plans());

        assertThatCode(() -> plans.checkDataSourceAllowed("free", "helpdesk", 0, 0)).doesNotThrowAnyException();
        assertRefused(plans, "free", "helpdesk", 0, 1, "The free plan allows 1 data source;");
        assertRefused(plans, "free", "billing", 1, 1, "The free plan allows 1 data source;");
        assertThatCode(() -> plans.checkDataSourceAllowed("builder", "billing", 40, 90)).doesNotThrowAnyException();
    }

    @Test
    void aTypesCapAppliesWithinTheTotal() {
        Plans plans = new Plans(Map.of("team", new PlanConfig(5, Map.of("billing", 2))));

        assertThatCode(() -> plans.checkDataSourceAllowed("team", "billing", 1, 3)).doesNotThrowAnyException();
        assertRefused(plans, "team", "billing", 2, 3, "The team plan allows 2 billing data sources;");
        assertThatCode(() -> plans.checkDataSourceAllowed("team", "helpdesk", 3, 4)).doesNotThrowAnyException();
        assertRefused(plans, "team", "helpdesk", 3, 5, "The team plan allows 5 data sources;");
    }

    @Test
    void usageShowsEachTypesCapCountAndRoomAsTheCheckDecidesIt() {
        Plans plans = new Plans(Map.of("team", new PlanConfig(5, Map.of("billing", 2))));

        var roomy = plans.usage("team", java.util.List.of("helpdesk", "billing"), Map.of("billing", 1, "helpdesk", 2));
        assertThat(roomy.maxDataSourcesTotal()).isEqualTo(5);
        assertThat(roomy.dataSources()).isEqualTo(3);
        assertThat(roomy.types()).extracting(type -> type.type() + " " + type.maxDataSources() + " " + type.dataSources() + " " + type.canCreate())
                .containsExactly("billing 2 1 true", "helpdesk null 2 true");

        var typeFull = plans.usage("team", java.util.List.of("billing", "helpdesk"), Map.of("billing", 2, "helpdesk", 1));
        assertThat(typeFull.types()).extracting(type -> type.type() + " " + type.canCreate()).containsExactly("billing false", "helpdesk true");

        var totalFull = plans.usage("team", java.util.List.of("billing", "helpdesk"), Map.of("billing", 1, "helpdesk", 4));
        assertThat(totalFull.types()).allSatisfy(type -> assertThat(type.canCreate()).isFalse());

        var undefined = plans.usage("legacy", java.util.List.of("billing"), Map.of());
        assertThat(undefined.maxDataSourcesTotal()).isZero();
        assertThat(undefined.types()).singleElement().satisfies(type -> assertThat(type.canCreate()).isFalse());
    }

    @Test
    void aPlanTheConfigurationNoLongerDefinesAllowsNoNewSource() {
        assertRefused(new Plans(Map.of("builder", new PlanConfig(null, Map.of()))), "legacy", "billing", 0, 0,
                "The legacy plan allows 0 data sources;");
    }

    @Test
    void theProductionConfigurationsFreePlanAllowsExactlyOneStripeSource() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode config = yaml.readTree(Path.of("..", "config", "production.yml").toFile());
        Plans plans = new Plans(yaml.convertValue(config.get("plans"), new TypeReference<Map<String, PlanConfig>>() { }));

        assertThatCode(() -> plans.checkDataSourceAllowed("free", "stripe", 0, 0)).doesNotThrowAnyException();
        assertRefused(plans, "free", "stripe", 1, 1, "The free plan allows 1 data source;");
        assertThatCode(() -> plans.checkDataSourceAllowed("builder", "stripe", 10, 10)).doesNotThrowAnyException();
    }

    @Test
    void aNegativeCapIsRefusedWhenTheConfigurationIsValidated() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        TributaryConfiguration config = yaml.readValue("""
                plans:
                  free:
                    maxDataSourcesTotal: -1
                    maxDataSources: {billing: -2}
                """, TributaryConfiguration.class);

        Set<ConstraintViolation<TributaryConfiguration>> violations = Validators.newValidator().validate(config);

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                .filteredOn(path -> path.startsWith("plans"))
                .containsExactlyInAnyOrder("plans[free].maxDataSourcesTotal", "plans[free].maxDataSources[billing].<map value>");
    }
}
