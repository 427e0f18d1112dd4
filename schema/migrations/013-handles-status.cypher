// Which practices withhold a right (PAID_ONLY, UNAVAILABLE) is read by the status of HANDLES:
// an index on it finds those relationships without expanding every practice a right has.
CREATE INDEX handles_status IF NOT EXISTS FOR ()-[h:HANDLES]-() ON (h.status);
