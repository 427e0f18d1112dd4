// API keys (stored hashed) and the audit trail of every write.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_at_id IF NOT EXISTS FOR (n:AuditEntry) ON (n.at, n.id);
CREATE INDEX incident_retracted_at IF NOT EXISTS FOR (n:Incident) ON (n.retractedAt);
