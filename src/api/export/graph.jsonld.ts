/**
 * The whole graph as JSON-LD, with stable IRIs and W3C Data Privacy Vocabulary terms.
 *
 * - Every node is `https://gdpr-rights-graph.org/id/<label>/<id>` (label in kebab case,
 *   e.g. /id/legal-basis/legitimate-interest): ids never change, so neither do IRIs.
 * - Properties and relationships use the project vocabulary (`…/vocab#`), named as in the
 *   graph (APPLIES_TO -> appliesTo). The two relationships that carry properties are qualified:
 *   EVIDENCED_BY becomes `evidence` ({source, stance, quote, note}) and HANDLES becomes
 *   `rights` ({right, status, mechanism, note}), as the GraphQL API names them.
 * - DPV: a right, legal basis, purpose or data category whose seed names a DPV term points to
 *   it with skos:closeMatch (the seeds sometimes give the nearest broader term, so not
 *   exactMatch); a practice is a dpv:Process with dpv:hasPurpose, dpv:hasLegalBasis,
 *   dpv:hasPersonalData and dpv:hasRight pointing straight at those DPV terms.
 */
import type { Database } from '../../db';
import { NODE_LABELS, type NodeLabel } from '../../graph';
import { type ExportedNode, type ExportedRelationship, readGraph } from './graph.store';

export const ID_BASE = 'https://gdpr-rights-graph.org/id/';
export const VOCAB = 'https://gdpr-rights-graph.org/vocab#';
export const DPV = 'https://w3id.org/dpv#';

/** "LegalBasis" -> "legal-basis". */
export const labelSegment = (label: NodeLabel): string =>
  label.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

export function nodeIri(label: NodeLabel, id: string): string {
  return `${ID_BASE}${labelSegment(label)}/${encodeURIComponent(id)}`;
}

/** "APPLIES_TO" -> "appliesTo". */
const camel = (type: string): string =>
  type.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Relationships with properties, and the term and shape each becomes. */
const QUALIFIED: Record<string, { term: string; type: string; target: string }> = {
  EVIDENCED_BY: { term: 'evidence', type: 'Evidence', target: 'source' },
  HANDLES: { term: 'rights', type: 'RightHandling', target: 'right' },
};

/** Link terms, one per relationship type of the model. */
const LINK_TERMS = [
  'partOf',
  'grantedBy',
  'definedBy',
  'triggers',
  'offeredBy',
  'of',
  'appliesTo',
  'forPurpose',
  'processes',
  'onBasis',
  'replaces',
  'against',
  'before',
  'broughtBy',
  'cites',
  'concerns',
  'source',
  'right',
];

/**
 * Left out: the id (it is in the IRI and `identifier`), the DPV IRI (it becomes a link),
 * ingestion bookkeeping, and which curator key retracted a statement (the API does not
 * publish it; the audit trail keeps it).
 */
const INTERNAL_PROPERTIES = new Set(['id', 'dpv', 'contentHash', 'updatedAt', 'retractedBy']);

export const JSONLD_CONTEXT: Record<string, unknown> = {
  '@version': 1.1,
  '@vocab': VOCAB,
  grg: VOCAB,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  dpv: DPV,
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
  pd: 'https://w3id.org/dpv/pd#',
  identifier: 'dct:identifier',
  dpvTerm: { '@id': 'skos:closeMatch', '@type': '@id' },
  hasPurpose: { '@id': 'dpv:hasPurpose', '@type': '@id' },
  hasLegalBasis: { '@id': 'dpv:hasLegalBasis', '@type': '@id' },
  hasPersonalData: { '@id': 'dpv:hasPersonalData', '@type': '@id' },
  hasRight: { '@id': 'dpv:hasRight', '@type': '@id' },
  url: { '@id': 'grg:url', '@type': '@id' },
  website: { '@id': 'grg:website', '@type': '@id' },
  date: { '@id': 'grg:date', '@type': 'xsd:date' },
  validFrom: { '@id': 'grg:validFrom', '@type': 'xsd:date' },
  validTo: { '@id': 'grg:validTo', '@type': 'xsd:date' },
  publishedAt: { '@id': 'grg:publishedAt', '@type': 'xsd:date' },
  recordedAt: { '@id': 'grg:recordedAt', '@type': 'xsd:dateTime' },
  retractedAt: { '@id': 'grg:retractedAt', '@type': 'xsd:dateTime' },
  ...Object.fromEntries(LINK_TERMS.map((t) => [t, { '@id': `grg:${t}`, '@type': '@id' }])),
};

type JsonLdNode = Record<string, unknown>;

const LABEL_ORDER = new Map<string, number>(NODE_LABELS.map((l, i) => [l, i]));

function push(node: JsonLdNode, term: string, value: unknown): void {
  const current = node[term];
  if (current === undefined) node[term] = [value];
  else (current as unknown[]).push(value);
}

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
}

/** Builds the JSON-LD document from exported nodes and relationships; pure, for tests. */
export function toJsonLd(
  nodes: ExportedNode[],
  relationships: ExportedRelationship[],
): { '@context': Record<string, unknown>; '@graph': JsonLdNode[] } {
  const byKey = new Map<string, { source: ExportedNode; out: JsonLdNode }>();
  const sorted = [...nodes].sort(
    (a, b) =>
      (LABEL_ORDER.get(a.label) ?? 99) - (LABEL_ORDER.get(b.label) ?? 99) ||
      a.id.localeCompare(b.id),
  );
  for (const node of sorted) {
    const out: JsonLdNode = {
      '@id': nodeIri(node.label, node.id),
      '@type': node.label === 'Practice' ? ['Practice', 'dpv:Process'] : node.label,
      identifier: node.id,
    };
    // Sorted keys: the same graph always exports to the same text, so exports diff well.
    const props = withoutNulls(node.props);
    for (const key of Object.keys(props).sort()) {
      if (!INTERNAL_PROPERTIES.has(key)) out[key] = props[key];
    }
    if (typeof node.props.dpv === 'string') out.dpvTerm = node.props.dpv;
    byKey.set(`${node.label}:${node.id}`, { source: node, out });
  }

  for (const rel of relationships) {
    const from = byKey.get(`${rel.fromLabel}:${rel.fromId}`);
    const to = byKey.get(`${rel.toLabel}:${rel.toId}`);
    if (!from || !to) continue;
    const target = to.out['@id'] as string;
    const qualified = QUALIFIED[rel.type];
    if (qualified) {
      push(from.out, qualified.term, {
        '@type': qualified.type,
        [qualified.target]: target,
        ...withoutNulls(rel.props),
      });
    } else {
      push(from.out, camel(rel.type), target);
    }
    // A practice says, in DPV, what its purpose, basis, data and rights are.
    const dpv = to.source.props.dpv;
    if (rel.fromLabel === 'Practice' && typeof dpv === 'string') {
      const term = {
        FOR_PURPOSE: 'hasPurpose',
        ON_BASIS: 'hasLegalBasis',
        PROCESSES: 'hasPersonalData',
        HANDLES: 'hasRight',
      }[rel.type];
      if (term) {
        const list = (from.out[term] as string[] | undefined) ?? [];
        if (!list.includes(dpv)) from.out[term] = [...list, dpv];
      }
    }
  }
  return {
    '@context': JSONLD_CONTEXT,
    '@graph': sorted.map((n) => byKey.get(`${n.label}:${n.id}`)!.out),
  };
}

/** The whole graph, read through the db layer in one query. */
export async function graphJsonLd(db: Database): Promise<ReturnType<typeof toJsonLd>> {
  const { nodes, relationships } = await readGraph(db);
  return toJsonLd(nodes, relationships);
}
