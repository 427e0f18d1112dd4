// A plan's, practice's or incident's lastAttested: the date of its newest dated supporting source
// (any claim), the newest by its last possible day, then the more precise. Ingestion derives it
// for the nodes it writes (src/graph/ingest.store.ts deriveCypher); this derives it once for
// those written before.
MATCH (n) WHERE n:Plan OR n:Practice OR n:Incident
CALL (n) {
  WITH n, COLLECT {
    MATCH (n)-[:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source) WHERE s.publishedAt IS NOT NULL
    RETURN s ORDER BY s.publishedAtLatest DESC, s.publishedAt DESC LIMIT 1
  }[0] AS newest
  SET n.lastAttested = newest.publishedAt, n.lastAttestedPrecision = newest.publishedAtPrecision,
      n.lastAttestedLatest = newest.publishedAtLatest
} IN TRANSACTIONS OF 5000 ROWS;
