// A question asked "as known at" an instant removes what was recorded after it: an index on
// when each entity was first recorded finds those without a scan.
CREATE INDEX entity_recorded_at IF NOT EXISTS FOR (n:Entity) ON (n.recordedAt);
