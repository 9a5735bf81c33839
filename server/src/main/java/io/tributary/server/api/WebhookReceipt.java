package io.tributary.server.api;

/**
 * {@code POST /webhooks/{type}/{dataSourceId}}: what a delivery held.
 *
 * @param received the events taken from it
 * @param duplicates those already received before, ignored
 */
public record WebhookReceipt(int received, int duplicates) {
}
