package com.example.helpdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.Credentials;
import java.util.Map;

/** A WireMock stand-in for the helpdesk API: three tickets over two pages, and tokens that fail in each way. */
final class FakeHelpdesk implements AutoCloseable {

    static final String VALID_TOKEN = "hd_validtoken00000001";
    static final String REVOKED_TOKEN = "hd_revokedtoken000001";
    static final String UNAVAILABLE_TOKEN = "hd_unavailable0000001";

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    FakeHelpdesk() {
        server.start();
        server.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + REVOKED_TOKEN))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"invalid token\"}}")));
        server.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + UNAVAILABLE_TOKEN))
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlPathEqualTo("/v1/account")).withHeader("Authorization", equalTo("Bearer " + VALID_TOKEN))
                .willReturn(okJson("{\"id\":\"acc_42\",\"name\":\"Acme Support\",\"sandbox\":true,\"scopes\":[\"tickets:read\"]}")));
        server.stubFor(get(urlPathEqualTo("/v1/tickets")).withHeader("Authorization", equalTo("Bearer " + VALID_TOKEN))
                .withQueryParam("starting_after", absent())
                .willReturn(okJson("""
                        {"data": [
                          {"id": "t_3", "subject": "Refund", "status": "open", "created_at": 1700000300, "updated_at": 1700000900,
                           "requester": {"email": "ann@example.com"}},
                          {"id": "t_2", "subject": "Login", "status": "open", "created_at": 1700000200, "updated_at": 1700000800,
                           "requester": null}
                        ], "has_more": true}""")));
        server.stubFor(get(urlPathEqualTo("/v1/tickets")).withHeader("Authorization", equalTo("Bearer " + VALID_TOKEN))
                .withQueryParam("starting_after", equalTo("t_2"))
                .willReturn(okJson("""
                        {"data": [
                          {"id": "t_1", "subject": "Invoice", "status": "open", "created_at": 1700000100, "updated_at": 1700000700,
                           "requester": {"email": "bob@example.com"}}
                        ], "has_more": false}""")));
    }

    ConnectorContext context(String token) {
        return ConnectorContext.builder()
                .credentials(() -> new Credentials(Map.of("api_token", token)))
                .settings(new ConnectorSettings(Map.of("api_base", server.baseUrl())))
                .build();
    }

    long requestCount() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
