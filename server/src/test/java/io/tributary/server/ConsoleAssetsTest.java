package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console's page, scripts and libraries as HTTP answers: where they are, what they are, their headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAssetsTest {

    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create()).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRootServesTheConsolesPageWithAPolicyThatAllowsOnlyThisServer() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/app.js\">");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void scriptsStylesAndLibrariesAreServedFromTheClassPath() throws Exception {
        HttpResponse<String> app = get("/console/app.js");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(app.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(get("/console/app.css").headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(get("/webjars/uplot/1.6.30/dist/uPlot.esm.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        HttpResponse<String> docs = get("/api/docs/");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("swagger-ui-bundle.js", "/api/docs/init.js");
    }

    @Test
    void nothingElseIsServedAndTheApiKeepsItsOwnAnswers() throws Exception {
        assertThat(get("/console/no-such-page.js").statusCode()).isEqualTo(404);
        assertThat(get("/webjars/../META-INF/MANIFEST.MF").body()).doesNotContain("Manifest-Version");
        assertThat(get("/console/../db/migration/server/V11__named_scoped_tokens.sql").body()).doesNotContain("Several named tokens");
        assertThat(get("/console/%2e%2e/tributary.yml").statusCode()).isNotEqualTo(200);
        HttpResponse<String> api = get("/api/v1/no-such-endpoint");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"code\"");
    }
}
