// A practice or plan that gives no start counts from its earliest dated source backing the
// statement itself (src/graph/model.ts START_CLAIMS, commit 5a503f2), no longer from a source
// cited for a right, a legal basis or an end. Ingestion derives this for the nodes it writes;
// this derives it once for those written before. The claim lists are START_CLAIMS as of then.
MATCH (n:Practice) WHERE n.validFromLatest IS NULL AND n.attestedFromLatest IS NULL
SET n.inForceFrom = COLLECT {
  MATCH (n)-[e:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source)
  WHERE e.claim IN ['WHOLE', 'VALID_FROM', 'DEFAULT', 'SCOPE', 'DATA_CATEGORIES']
  RETURN s.publishedAtLatest AS d ORDER BY d LIMIT 1
}[0];
MATCH (n:Plan)
WHERE NOT coalesce(n.neverLaunched, false) AND n.launchedLatest IS NULL AND n.attestedFromLatest IS NULL
SET n.availableFrom = COLLECT {
  MATCH (n)-[e:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source)
  WHERE e.claim IN ['WHOLE', 'PRICE', 'LAUNCHED']
  RETURN s.publishedAtLatest AS d ORDER BY d LIMIT 1
}[0];
