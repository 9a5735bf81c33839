package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.FakeStripePermission;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import io.tributary.connector.stripe.fake.SubscriptionSpec.Item;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser (headless Chromium), against a real server, its embedded
 * PostgreSQL and the fake Stripe: whole flows as a person clicks through them. Each test saves
 * screenshots under target/screenshots and ends with the browser's console free of errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final String SIGNING_SECRET = "whsec_console0123456789abcdef";

    private FakeStripeAccount account;
    private String monthly;
    private TestServer server;
    private Api api;
    private ConsoleBrowser browser;

    @BeforeAll
    void start() {
        account = FakeStripeAccount.create();
        monthly = account.price(account.product("Pro"), 1000, "usd", "month", 1, "licensed");
        account.subscription(SubscriptionSpec.of(account.customer("ann@example.com"), "active", Item.price(monthly, 1)));
        for (int i = 0; i < 23; i++) {
            account.customer(String.format("customer%02d@example.com", i));
        }
        // The console knows no connector: the plugins beside Stripe are drawn from their descriptors.
        server = new TestServer(account, Map.of())
                .withPlugins(io.tributary.server.plugins.BundledPlugin.WEBHOOK, io.tributary.server.plugins.BundledPlugin.POSTGRES).start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = ConsoleBrowser.open(server);
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) {
        try {
            // The page as the test left it, to look at when it failed.
            browser.screenshot("last-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
        } finally {
            browser.close();
        }
    }

    private String workspace(String plan) {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Acme " + plan, "plan", plan));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("apiToken").asText();
    }

    private String stripeSource(String token, boolean push) {
        String key = server.stripe().addKey(KeyAccess.allReads());
        Map<String, String> credentials = push ? Map.of("apiKey", key, "webhookSecret", SIGNING_SECRET) : Map.of("apiKey", key);
        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "label", "Main account",
                "credentials", credentials, "cadenceMinutes", 1440));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    @Test
    void theWizardNamesAMissingPermissionThenCreatesAPushSourceAndThePlanLimitShowsBeforeAKeyIsTyped() {
        String token = workspace("free");
        browser.signIn(token);
        browser.go("/sources");
        browser.waitText(By.cssSelector("main .empty"), "No data sources yet");
        browser.find(By.linkText("New data source")).click();
        browser.waitVisible(By.id("type-stripe")).click();
        String partial = server.stripe().addKey(KeyAccess.allReadsExcept(FakeStripePermission.SUBSCRIPTION));
        browser.type(By.cssSelector("input[data-credential=api_key]"), partial);
        browser.find(By.xpath("//button[text()='Test']")).click();

        WebElement missing = browser.waitVisible(By.cssSelector(".checks li.missing[data-capability='stripe.mrr']"));
        assertThat(missing.getText()).contains("missing").contains("Add the permission Subscriptions: Read");
        assertThat(browser.find(By.cssSelector(".checks")).getText()).contains("available");
        browser.screenshot("wizard-test-missing-permission", By.cssSelector(".checks"));

        String key = server.stripe().addKey(KeyAccess.allReads());
        browser.type(By.cssSelector("input[data-credential=api_key]"), key);
        browser.type(By.cssSelector("input[data-credential=webhook_secret]"), SIGNING_SECRET);
        browser.type(By.cssSelector("input[data-field=label]"), "Main account");
        browser.select(By.cssSelector("select[data-field=cadenceMinutes]"), "60");
        browser.find(By.cssSelector("button[type=submit]")).click();

        WebElement created = browser.waitVisible(By.cssSelector(".created"));
        assertThat(created.getText()).contains("Push mode");
        String webhookUrl = browser.find(By.cssSelector(".created input[aria-label='Webhook URL']")).getAttribute("value");
        assertThat(webhookUrl).matches(".*/webhooks/stripe/ds_[A-Za-z0-9]+");
        assertThat(browser.find(By.cssSelector("input[data-credential=api_key]")).getAttribute("value")).as("the key is not kept in the form").isEmpty();
        browser.screenshot("wizard-created", By.cssSelector(".created"));

        browser.go("/sources");
        WebElement row = browser.waitVisible(By.cssSelector("tr[data-source]"));
        assertThat(row.getText()).contains("Main account", "stripe", "push (webhook)", "1 h", "active");
        browser.screenshot("data-sources");

        // The free plan's one Stripe source is used: the wizard says so before anyone types a key.
        browser.go("/sources/new");
        WebElement stripe = browser.waitVisible(By.id("type-stripe"));
        assertThat(stripe.isEnabled()).isFalse();
        assertThat(browser.find(By.id("type-stripe-plan")).getText()).contains("The free plan allows 1 data source");
        browser.assertNoConsoleErrors();
    }

    @Test
    void theWizardDrawsAPluginsOwnFieldsAndShowsAGeneratedSecretOnce() {
        String token = workspace("builder");
        browser.signIn(token);
        browser.go("/sources/new");
        browser.waitVisible(By.id("type-postgres"));
        browser.waitVisible(By.id("type-webhook")).click();
        browser.waitVisible(By.cssSelector("input[data-credential=scheme]"));
        assertThat(browser.find(By.cssSelector("[data-field-wrap='credentials.secret']")).getText())
                .contains("Signing secret", "(optional)", "Leave empty and the server generates one");
        browser.type(By.cssSelector("input[data-field=label]"), "Signups");
        browser.type(By.cssSelector("input[data-credential=keep_headers]"), "X-Request-Id");
        browser.find(By.cssSelector("button[type=submit]")).click();

        WebElement created = browser.waitVisible(By.cssSelector(".created"));
        assertThat(created.getText()).contains("Push mode", "shown once");
        String secret = browser.find(By.cssSelector(".created .secret input")).getAttribute("value");
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.find(By.cssSelector(".created input[aria-label='Webhook URL']")).getAttribute("value"))
                .matches(".*/webhooks/webhook/ds_[A-Za-z0-9]+");
        browser.screenshot("wizard-plugin-generated-secret", By.cssSelector(".created"));

        browser.go("/sources");
        assertThat(browser.waitVisible(By.cssSelector("tr[data-source]")).getText()).contains("Signups", "webhook", "push (webhook)");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(secret);

        // Deleted only once confirmed.
        browser.find(By.cssSelector("button[aria-label='Delete Signups']")).click();
        browser.waitVisible(By.cssSelector("dialog.confirm")).findElement(By.xpath(".//button[text()='Cancel']")).click();
        assertThat(browser.findAll(By.cssSelector("tr[data-source]"))).hasSize(1);
        browser.find(By.cssSelector("button[aria-label='Delete Signups']")).click();
        browser.waitVisible(By.cssSelector("dialog.confirm")).findElement(By.xpath(".//button[text()='Delete data source']")).click();
        browser.waitText(By.cssSelector("main .empty"), "No data sources yet");
        assertThat(api.get("/api/v1/data-sources", token).body().get("dataSources")).isEmpty();
        browser.assertNoConsoleErrors();
    }

    @Test
    void anMrrBlockMadeInTheEditorMovesAfterASignedWebhookWithoutAReload() throws Exception {
        String token = workspace("builder");
        String sourceId = stripeSource(token, true);
        server.awaitIdle();
        browser.signIn(token);
        browser.go("/blocks/new?source=" + sourceId);
        browser.select(By.cssSelector("select[data-field='binding.queryConfig.type']"), "stripe.mrr");
        browser.type(By.cssSelector("input[data-field='widget.data.title']"), "Monthly recurring revenue");

        // A path the result does not have: the server's refusal is shown beside the field it names.
        browser.expectHttpFailure("422");
        browser.type(By.cssSelector(".projection-row .p-source"), "amount_euros");
        browser.find(By.xpath("//button[text()='Preview']")).click();
        WebElement refusal = browser.waitVisible(By.cssSelector(".projection-row [data-error-for='binding.projection.fields.value']"));
        assertThat(refusal.getText()).contains("unknown_path").contains("amount_cents");
        assertThat(browser.find(By.cssSelector(".projection-row .p-name")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("block-editor-refusal", By.cssSelector(".projection"));

        browser.type(By.cssSelector(".projection-row .p-source"), "amount_cents");
        browser.find(By.xpath("//button[text()='Preview']")).click();
        browser.waitText(By.cssSelector(".preview .metric-value"), "$10.00");
        browser.screenshot("block-editor", By.cssSelector(".projection"));
        browser.find(By.cssSelector("form.editor button[type=submit]")).click();

        By value = By.cssSelector("article.widget .metric-value");
        browser.waitText(value, "$10.00");
        browser.waitText(By.cssSelector(".connection"), "live");
        browser.script("window.stillTheSamePage = true");

        // A chart of the same number: its history gains a point with each refresh.
        Api.Reply chart = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.mrr"), "projection", Map.of("fields", Map.of("value", Map.of("source", "amount_cents")))),
                "widget", Map.of("template", "chart", "data", Map.of("title", "MRR over time"))));
        assertThat(chart.status()).as(chart.raw()).isEqualTo(201);
        // And a list: the first array in the widget data, as a table.
        Api.Reply list = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.mrr"), "projection", Map.of("fields", Map.of("currencies", Map.of("source", "by_currency")))),
                "widget", Map.of("template", "list", "data", Map.of("title", "MRR by currency"))));
        assertThat(list.status()).as(list.raw()).isEqualTo(201);
        // Made through the API while the board is open: they arrive on its stream, no reload.
        browser.waitVisible(By.cssSelector("article[data-template=list] table"));
        browser.waitText(value, "$10.00");
        browser.waitVisible(By.cssSelector("article[data-template=chart] .chart[data-points='1']"));
        server.clock().advance(java.time.Duration.ofMinutes(10));

        String added = account.subscription(SubscriptionSpec.of(account.customer("bo@example.com"), "active", Item.price(monthly, 2)));
        try {
            HttpResponse<String> delivered = SignedWebhooks.deliver(server, "/webhooks/stripe/" + sourceId, SIGNING_SECRET,
                    "{\"id\":\"evt_console1\",\"object\":\"event\",\"type\":\"customer.subscription.created\",\"created\":"
                            + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"" + added + "\",\"object\":\"subscription\"}}}");
            assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
            browser.waitText(value, "$30.00");
            assertThat(browser.script("return window.stillTheSamePage === true")).as("no reload").isEqualTo(true);
            assertThat(browser.find(By.cssSelector("article.widget .updated")).getText()).matches("updated .* ago · (live|mirror)");
            browser.waitVisible(By.cssSelector("article[data-template=chart] .chart[data-points='2'] .uplot canvas"));
            // The metric's change against its previous value, from the history ($10.00 -> $30.00).
            browser.waitText(By.cssSelector("article[data-template=metric] .delta.previous.up"), "+200% vs previous");
            browser.waitText(By.cssSelector("article[data-template=list] table"), "3000");
            assertThat(browser.find(By.cssSelector("article[data-template=list] table")).getText()).contains("currency", "usd", "subscriptions");
            browser.screenshot("blocks-board");
        } finally {
            account.delete("subscription", added);
        }
        browser.assertNoConsoleErrors();
    }

    @Test
    void aSelectedDatasetBackfillsToDoneAndItsRecordsPageAndFilter() {
        String token = workspace("builder");
        String sourceId = stripeSource(token, false);
        server.awaitIdle();
        browser.signIn(token);
        browser.go("/sources/" + sourceId);
        WebElement pick = browser.waitVisible(By.cssSelector("tr[data-stream=customers] input.pick"));
        assertThat(browser.find(By.cssSelector("section[aria-label=Overview]")).getText()).contains("Capabilities", "stripe.mrr", "available");
        browser.screenshot("source-overview", By.cssSelector("main h1"));
        if (!pick.isSelected()) {
            pick.click();
        }
        browser.find(By.xpath("//button[text()='Save selection']")).click();
        browser.waitVisible(By.cssSelector("tr[data-stream=customers] progress[aria-label='Backfill of customers done']"));
        assertThat(browser.find(By.cssSelector("tr[data-stream=customers] .state")).getText())
                .contains("synced", account.count("customer") + " records");
        browser.screenshot("source-datasets", By.cssSelector("tr[data-stream=customers]"));

        browser.find(By.cssSelector("tr[data-stream=customers] a")).click();
        browser.select(By.cssSelector("select[data-field=limit]"), "10");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waitText(By.cssSelector(".page-number"), "Page 1");
        browser.waitUntil("ten records on the first page", d -> d.findElements(By.cssSelector("tr[data-record]")).size() == 10);
        List<String> first = ids();
        browser.find(By.xpath("//button[text()='Next page']")).click();
        browser.waitText(By.cssSelector(".page-number"), "Page 2");
        assertThat(ids()).hasSize(10).doesNotContainAnyElementsOf(first);
        browser.screenshot("records");

        browser.type(By.cssSelector("input[data-field=filter]"), "email=customer07@example.com");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waitUntil("one record matches", d -> d.findElements(By.cssSelector("tr[data-record]")).size() == 1);
        assertThat(browser.find(By.cssSelector("tr[data-record]")).getText()).contains("customer07@example.com");
        browser.assertNoConsoleErrors();
    }

    private List<String> ids() {
        return browser.findAll(By.cssSelector("tr[data-record]")).stream().map(row -> row.getAttribute("data-record")).toList();
    }

    @Test
    void aTokenIsCreatedWithAScopeAndRevokedAndAReadTokenSeesOnlyBlocks() {
        String token = workspace("builder");
        browser.signIn(token);
        browser.go("/tokens");
        browser.waitVisible(By.cssSelector("section.plan"));
        browser.type(By.cssSelector("form[aria-label='New token'] input[data-field=name]"), "office dashboard");
        browser.select(By.cssSelector("select[data-field=scope]"), "read");
        browser.find(By.xpath("//button[text()='Create token']")).click();
        String readToken = browser.waitVisible(By.cssSelector("input[aria-label='The new token']")).getAttribute("value");
        assertThat(readToken).startsWith("trb_tok");
        WebElement row = browser.waitVisible(By.xpath("//tr[td[contains(., 'office dashboard')]]"));
        assertThat(row.getText()).contains("read", "never");
        browser.screenshot("tokens");

        String id = row.getAttribute("data-token");
        row.findElement(By.xpath(".//button[text()='Revoke']")).click();
        browser.waitVisible(By.cssSelector("dialog.confirm")).findElement(By.xpath(".//button[text()='Revoke token']")).click();
        browser.waitUntil("the revoked token gone from the list", d -> d.findElements(By.cssSelector("tr[data-token='" + id + "']")).isEmpty());
        assertThat(api.get("/api/v1/blocks", readToken).status()).as("revoked").isEqualTo(401);

        Api.Reply another = api.post("/api/v1/workspaces/" + workspaceId(token) + "/tokens", token, Map.of("name", "wall", "scope", "read"));
        browser.signIn(another.body().get("token").asText());
        browser.waitVisible(By.cssSelector("main h1"));
        assertThat(browser.findAll(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList())
                .containsExactly("Blocks", "API docs");
        browser.assertNoConsoleErrors();
    }

    private String workspaceId(String token) {
        return api.get("/api/v1/me", token).body().at("/workspace/id").asText();
    }

    @Test
    void theAuditLogVerifiesAndFilters() {
        String token = workspace("builder");
        stripeSource(token, false);
        server.awaitIdle();
        browser.signIn(token);
        browser.go("/audit");
        browser.waitVisible(By.cssSelector(".verdict[data-valid=true]"));
        browser.waitVisible(By.cssSelector("tr[data-action]"));
        browser.type(By.cssSelector("input[data-field=action]"), "data_source.create");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waitUntil("only data source creations", d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("tr[data-action]"));
            return !rows.isEmpty() && rows.stream().allMatch(r -> "data_source.create".equals(r.getAttribute("data-action")));
        });
        browser.find(By.xpath("//button[text()='Verify the whole chain']")).click();
        browser.waitText(By.cssSelector(".verification"), "(whole chain)");
        assertThat(browser.find(By.cssSelector(".verdict")).getAttribute("data-valid")).isEqualTo("true");
        browser.screenshot("audit-log");
        browser.assertNoConsoleErrors();
    }

    @Test
    void everyPageReadsAt360PixelsWideAndTheSignInWorksFromTheKeyboard() {
        String token = workspace("builder");
        String sourceId = stripeSource(token, true);
        server.awaitIdle();
        api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId, "queryConfig", Map.of("type", "stripe.mrr"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "amount_cents", "format", "currency", "compare", "day"))))));
        browser.resize(360, 780);
        browser.driver().get(browser.base() + "/");
        // The token field has the focus: type, press Enter.
        browser.waitVisible(By.cssSelector("input[data-field=token]"));
        browser.driver().switchTo().activeElement().sendKeys(token + org.openqa.selenium.Keys.ENTER);
        browser.waitVisible(By.cssSelector("#nav .who"));
        for (String route : List.of("/sources", "/sources/new", "/sources/" + sourceId, "/blocks", "/blocks/new", "/audit", "/tokens")) {
            browser.go(route);
            browser.waitUntil(route + " drawn", d -> d.findElements(By.cssSelector("main h1")).size() == 1
                    && d.findElements(By.xpath("//main/p[text()='Loading…']")).isEmpty());
            Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("no sideways scrolling at 360 px on %s", route).isLessThanOrEqualTo(0);
            String name = route.equals("/blocks") ? "narrow-blocks" : route.equals("/sources/" + sourceId) ? "narrow-source" : null;
            if (name != null) {
                browser.waitVisible(By.cssSelector("main h1"));
                browser.screenshot(name);
            }
        }
        browser.assertNoConsoleErrors();
    }

    @Test
    void theApiDocumentIsRenderedAtApiDocs() {
        browser.driver().get(browser.base() + "/api/docs");
        browser.waitVisible(By.cssSelector(".opblock"));
        assertThat(browser.findAll(By.cssSelector(".opblock")).size()).isGreaterThan(20);
        browser.screenshot("api-docs");
        browser.assertNoConsoleErrors();
    }
}
