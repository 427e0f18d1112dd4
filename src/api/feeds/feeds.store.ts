/** The Cypher of the feeds: what changed about a company, newest first. */
import neo4j from 'neo4j-driver';
import type { Database } from '../../db';

export interface FeedCompany {
  id: string;
  name: string;
  website: string | null;
}

export interface FeedEntryFacts {
  kind: 'incident' | 'practice';
  id: string;
  summary: string;
  recordedAt: string;
  /** The latest of recorded, updated and retracted: when the entry last changed. */
  updated: string;
  retractedAt: string | null;
  retractionReason: string | null;
  /** Incidents. */
  title: string | null;
  incidentKind: string | null;
  day: string | null;
  dayPrecision: string | null;
  /** Practices. */
  plans: string[];
  purpose: string | null;
  validFrom: string | null;
  validFromPrecision: string | null;
  validTo: string | null;
  validToPrecision: string | null;
  /**
   * Source URLs, those supporting the statement first, each group oldest first; a source
   * cited for several claims comes more than once.
   */
  sources: string[];
}

/**
 * The company and its latest `limit` changes: incidents against it, and practices on its
 * plans (a practice on several of its plans is one entry). Null for an unknown company.
 */
export async function companyFeed(
  db: Database,
  companyId: string,
  limit: number,
): Promise<{ company: FeedCompany; entries: FeedEntryFacts[] } | null> {
  const rows = await db.read(
    'companyFeed',
    `// companyFeed
MATCH (c:Company {id: $companyId})
CALL (c) {
  CALL (c) {
    MATCH (n:Incident)-[:AGAINST]->(c) RETURN n, 'incident' AS kind
    UNION
    MATCH (c)<-[:OFFERED_BY]-(:Product)<-[:OF]-(:Plan)<-[:APPLIES_TO]-(n:Practice) RETURN n, 'practice' AS kind
  }
  WITH n, kind, reduce(latest = n.recordedAt, t IN [n.updatedAt, n.retractedAt] |
    CASE WHEN t IS NOT NULL AND (latest IS NULL OR t > latest) THEN t ELSE latest END) AS updated
  ORDER BY updated DESC, n.id
  LIMIT $limit
  WITH n {kind: kind, .id, .summary, .recordedAt, updated: updated, .retractedAt,
    .retractionReason, .title, incidentKind: CASE kind WHEN 'incident' THEN n.kind END,
    day: n.date, dayPrecision: n.datePrecision,
    .validFrom, .validFromPrecision, .validTo, .validToPrecision,
    plans: COLLECT { MATCH (n)-[:APPLIES_TO]->(pl:Plan) RETURN pl.name ORDER BY pl.name },
    purpose: COLLECT { MATCH (n)-[:FOR_PURPOSE]->(pu:Purpose) RETURN pu.name }[0],
    sources: COLLECT {
      MATCH (n)-[e:EVIDENCED_BY]->(s:Source)
      WITH s.url AS url, e.stance = 'SUPPORTS' AS supports, s.publishedAt AS published
      ORDER BY supports DESC, published, url
      RETURN url
    }} AS entry
  RETURN collect(entry) AS entries
}
RETURN c {.id, .name, .website} AS company, entries`,
    { companyId, limit: neo4j.int(limit) },
  );
  const row = rows[0];
  if (!row) return null;
  return {
    company: row.company as unknown as FeedCompany,
    entries: (row.entries as unknown as FeedEntryFacts[]) ?? [],
  };
}
