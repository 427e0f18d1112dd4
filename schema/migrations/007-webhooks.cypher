// Webhooks that key holders register, and the log of their deliveries (src/api/webhooks).
// Bookkeeping, not the model: no :Entity label, never exported.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX webhook_owner IF NOT EXISTS FOR (n:Webhook) ON (n.ownerKeyId);
CREATE INDEX webhook_delivery_status IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.status);
