// What an update replaces is kept as a :Version, linked to its entity by VERSION_OF; a history
// reads them newest first by when they were replaced.
CREATE INDEX version_recorded_until IF NOT EXISTS FOR (v:Version) ON (v.recordedUntil);
