package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The ${connectorName} REST API: authenticated GETs, and every way they fail mapped to the SPI's typed
 * errors, so the server knows whether to stop the source (401), name a permission (403), or retry
 * (429, 5xx, timeouts, dropped connections). Messages never include the key or a whole response body.
 */
final class ${connectorName}Api {

    /** The most records the API returns in one page. */
    static final int MAX_PAGE_SIZE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    // The client's threads are ours, so close() can release them (HttpClient has no close() on Java 17).
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "${connectorTypeId}-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    ${connectorName}Api(URI base) {
        // Building a client opens no connection: the factory's create() must do no I/O.
        this.base = base.toString().replaceAll("/+\\z", "");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    /** Releases the client's threads; a second call does nothing more. */
    void close() {
        executor.shutdownNow();
    }

    /**
     * GETs a path of the API with the source's key.
     *
     * @param context the source's context: its credentials, read for this request only, and its timeouts
     * @param path such as {@code /v1/contacts}
     * @param query the query parameters, unencoded
     * @return the JSON body of a 200 answer
     * @throws ConnectorException for every other outcome
     */
    JsonNode get(ConnectorContext context, String path, Map<String, String> query) {
        // Asked for each request and kept in a local variable: the server decides (and audits) when
        // secrets are decrypted, so a connector never keeps them.
        String key = context.credentials().require(${connectorName}ConnectorFactory.API_KEY);
        String queryString = new TreeMap<>(query).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + (queryString.isEmpty() ? "" : "?" + queryString)))
                .timeout(context.timeouts().read())
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_TIMEOUT, "${connectorName} did not answer in time", e);
        } catch (IOException e) {
            throw ConnectorException.transientFailure("${connectorName} could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted while calling ${connectorName}", e);
        }
        return parse(response);
    }

    private static JsonNode parse(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401) {
            throw ConnectorException.credentialsRejected("${connectorName} refused the API key: create a new one and update the data source");
        }
        if (status == 403) {
            String scope = body(response).path("error").path("required_scope").asText(${connectorName}Connector.CONTACTS_READ);
            throw ConnectorException.permissionMissing(scope, "The API key lacks the scope " + scope + ": grant it, or use a key that has it");
        }
        if (status == 429) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            throw ConnectorException.rateLimited(Duration.ofSeconds(seconds), "${connectorName} asked us to slow down");
        }
        if (status >= 500) {
            throw ConnectorException.transientFailure("${connectorName} failed with HTTP " + status, null);
        }
        if (status != 200) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "${connectorName} answered HTTP " + status);
        }
        return body(response);
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "${connectorName} answered with a body that is not JSON", e);
        }
    }
}
