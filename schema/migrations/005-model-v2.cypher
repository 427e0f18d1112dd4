// The second model ("say what the sources say"): dates with their precision, practices with a
// scope and several plans, plans with several prices and a life, rights exercisable in the
// product or on request, evidence per claim. Indexes for the new "as of" conditions, then the
// upgrade of a graph written by the first model (idempotent: each step only touches nodes
// that still lack the new properties).
CREATE INDEX practice_in_force_from IF NOT EXISTS FOR (n:Practice) ON (n.inForceFrom);
CREATE INDEX plan_available_from IF NOT EXISTS FOR (n:Plan) ON (n.availableFrom);
CREATE INDEX provision_regulation IF NOT EXISTS FOR (n:Provision) ON (n.regulation);
// Sources: the last day of a partial publication date.
MATCH (s:Source) WHERE s.publishedAt IS NOT NULL AND s.publishedAtLatest IS NULL
SET s.publishedAtLatest = CASE coalesce(s.publishedAtPrecision, 'DAY')
  WHEN 'YEAR' THEN s.publishedAt + duration('P1Y') - duration('P1D')
  WHEN 'MONTH' THEN s.publishedAt + duration('P1M') - duration('P1D')
  ELSE s.publishedAt END;
// Practices: day-precise dates, the EEA scope the first model's data described.
MATCH (p:Practice) WHERE p.scope IS NULL
SET p.scope = ['EEA'],
  p.validFromPrecision = CASE WHEN p.validFrom IS NULL THEN null ELSE 'DAY' END,
  p.validFromLatest = p.validFrom,
  p.validToPrecision = CASE WHEN p.validTo IS NULL THEN null ELSE 'DAY' END,
  p.validToLatest = p.validTo;
// Rights "available" become "in the product" or, where the mechanism is a request, "on request".
MATCH (:Practice)-[h:HANDLES]->(:Right) WHERE h.status = 'AVAILABLE'
SET h.status = CASE WHEN toLower(coalesce(h.mechanism, '')) =~ '.*(e-?mail|request|form|support|contact|write to).*'
  THEN 'ON_REQUEST' ELSE 'IN_PRODUCT' END;
// Evidence: the whole statement, as before.
MATCH ()-[e:EVIDENCED_BY]->(:Source) WHERE e.claim IS NULL SET e.claim = 'WHOLE';
// Plans: one price becomes a list of prices; paid from the price or, with none, the tier.
MATCH (pl:Plan) WHERE pl.priceAmounts IS NULL
SET pl.priceAmounts = CASE WHEN pl.priceAmount IS NULL THEN [] ELSE [pl.priceAmount] END,
  pl.priceCurrencies = CASE WHEN pl.priceAmount IS NULL THEN [] ELSE [pl.priceCurrency] END,
  pl.pricePeriods = CASE WHEN pl.priceAmount IS NULL THEN [] ELSE [pl.pricePeriod] END,
  pl.priceNotes = CASE WHEN pl.priceAmount IS NULL THEN [] ELSE [coalesce(pl.priceNote, '')] END,
  pl.paid = CASE WHEN pl.priceAmount IS NOT NULL THEN pl.priceAmount > 0
    WHEN pl.tier = 'FREE' THEN false WHEN pl.tier IN ['EDUCATION', 'OTHER'] THEN null ELSE true END,
  pl.paidBasis = CASE WHEN pl.priceAmount IS NOT NULL THEN 'PRICE' WHEN pl.tier IN ['EDUCATION', 'OTHER'] THEN null ELSE 'TIER' END,
  pl.neverLaunched = false
REMOVE pl.priceAmount, pl.priceCurrency, pl.pricePeriod, pl.priceNote;
// Incidents: day-precise dates.
MATCH (i:Incident) WHERE i.datePrecision IS NULL
SET i.datePrecision = 'DAY', i.dateLatest = i.date, i.historyStatuses = [], i.historyDates = [],
  i.historyPrecisions = [], i.historyNotes = [], i.historySources = [];
// Regulations and provisions: the GDPR is an EU regulation; citations name their regulation.
MATCH (r:Regulation) WHERE r.kind IS NULL SET r.kind = 'EU_REGULATION', r.jurisdiction = 'EU';
MATCH (p:Provision) WHERE p.citation IS NULL
OPTIONAL MATCH (r:Regulation {id: p.regulation})
SET p.citation = coalesce(r.shortName + ' ', '') + p.ref;
// Derived "as of" values (see src/graph/ingest.store.ts, derive): what is certain.
MATCH (pl:Plan) WHERE pl.availableFrom IS NULL AND NOT pl.neverLaunched
SET pl.availableFrom = coalesce(pl.launchedLatest, pl.attestedFromLatest,
  COLLECT { MATCH (pl)-[:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source) RETURN s.publishedAtLatest AS d ORDER BY d LIMIT 1 }[0]),
  pl.availableUntil = pl.withdrawn;
MATCH (p:Practice) WHERE p.inForceFrom IS NULL
SET p.inForceFrom = coalesce(p.validFromLatest, p.attestedFromLatest,
  COLLECT { MATCH (p)-[:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source) RETURN s.publishedAtLatest AS d ORDER BY d LIMIT 1 }[0]),
  p.inForceUntil = p.validTo;
