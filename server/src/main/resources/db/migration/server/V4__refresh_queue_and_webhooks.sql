-- Refreshes waiting to run, one row per data source: bursts of webhooks and cadence ticks merge
-- into it, so a hundred events in a second make one refresh per binding.
CREATE TABLE pending_refresh (
    data_source_id    text        PRIMARY KEY REFERENCES data_source (id) ON DELETE CASCADE,
    stale_query_types text[],                   -- null: every binding
    actor             text        NOT NULL,     -- who asked: system:scheduledRunner, system:stripeWebhook
    version           bigint      NOT NULL,     -- bumped by every request, so a refresh only clears what it ran
    requested_at      timestamptz NOT NULL,
    claimed_at        timestamptz              -- set while a refresh runs it
);

-- Webhook events already accepted, so a delivery Stripe repeats is ignored. Recorded in the same
-- transaction that queues the refresh.
CREATE TABLE webhook_event (
    data_source_id text        NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    event_id       text        NOT NULL,
    event_type     text        NOT NULL,
    received_at    timestamptz NOT NULL,
    PRIMARY KEY (data_source_id, event_id)
);
CREATE INDEX webhook_event_by_time ON webhook_event (received_at);
