package com.example.helpdesk;

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
 * The helpdesk's REST API, as a third-party connector author would wrap it: one GET, and every
 * HTTP failure mapped to the SPI's typed errors.
 */
final class HelpdeskApi {

    static final String DEFAULT_BASE = "https://api.helpdesk.example";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "helpdesk-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    HelpdeskApi(URI base) {
        this.base = base;
        // HTTP/1.1: the JDK client's default h2c upgrade attempt is flaky against some servers.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    /** Releases the client's threads; closing twice does nothing more. */
    void close() {
        executor.shutdownNow();
    }

    JsonNode get(ConnectorContext context, String path, Map<String, String> query) {
        String token = context.credentials().require("api_token");
        String queryString = new TreeMap<>(query).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + (queryString.isEmpty() ? "" : "?" + queryString)))
                .timeout(context.timeouts().read())
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_TIMEOUT, "The helpdesk did not answer in time", e);
        } catch (IOException e) {
            throw ConnectorException.transientFailure("The helpdesk could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted while calling the helpdesk", e);
        }
        return parse(response);
    }

    private static JsonNode parse(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401) {
            throw ConnectorException.credentialsRejected("The helpdesk refused the API token: create a new one under Settings > API");
        }
        if (status == 403) {
            String scope = body(response).path("error").path("missing_scope").asText("tickets:read");
            throw ConnectorException.permissionMissing(scope, "The API token lacks the scope " + scope);
        }
        if (status == 429) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            throw ConnectorException.rateLimited(Duration.ofSeconds(seconds), "The helpdesk asked us to slow down");
        }
        if (status >= 500) {
            throw ConnectorException.transientFailure("The helpdesk failed with HTTP " + status, null);
        }
        if (status != 200) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "The helpdesk answered HTTP " + status);
        }
        return body(response);
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "The helpdesk answered with a body that is not JSON", e);
        }
    }
}
