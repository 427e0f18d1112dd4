/**
 * The whole graph as JSON-LD, streamed, with stable IRIs and W3C Data Privacy Vocabulary terms.
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
import type { NodeLabel } from '../../graph';
import { type ExportedNode, streamGraph } from './graph.store';

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

function push(node: JsonLdNode, term: string, value: unknown): void {
  const current = node[term];
  if (current === undefined) node[term] = [value];
  else (current as unknown[]).push(value);
}

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
}

/** A practice says, in DPV, what its purpose, basis, data and rights are. */
const DPV_LINKS: Record<string, string> = {
  FOR_PURPOSE: 'hasPurpose',
  ON_BASIS: 'hasLegalBasis',
  PROCESSES: 'hasPersonalData',
  HANDLES: 'hasRight',
};

/** One node of the graph as a JSON-LD node object, its outgoing links included; pure. */
export function toJsonLdNode(node: ExportedNode): JsonLdNode {
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
  for (const link of node.out) {
    const target = nodeIri(link.toLabel, link.toId);
    const qualified = QUALIFIED[link.type];
    if (qualified) {
      push(out, qualified.term, {
        '@type': qualified.type,
        [qualified.target]: target,
        ...withoutNulls(link.props),
      });
    } else {
      push(out, camel(link.type), target);
    }
    const term = DPV_LINKS[link.type];
    if (node.label === 'Practice' && term && typeof link.toDpv === 'string') {
      const list = (out[term] as string[] | undefined) ?? [];
      if (!list.includes(link.toDpv)) out[term] = [...list, link.toDpv];
    }
  }
  return out;
}

/** `JSON.stringify(value, null, 2)`, every line but the first indented by `depth` levels. */
const indented = (value: unknown, depth: number): string =>
  JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);

/**
 * The whole graph as one JSON-LD document, in pieces as they are read: the text is exactly
 * `JSON.stringify(document, null, 2)` plus a final newline, but only the node being written
 * (and the driver's current batch) is in memory, whatever the size of the graph. Nodes come
 * in id order.
 */
export async function* graphJsonLd(db: Database): AsyncGenerator<string> {
  // The opening goes out with the first node, so that a database that does not answer fails
  // the first chunk (an error response) rather than a response already under way.
  let opening: string | null = `{\n  "@context": ${indented(JSONLD_CONTEXT, 1)},\n  "@graph": [`;
  for await (const node of streamGraph(db)) {
    yield `${opening ?? ','}\n    ${indented(toJsonLdNode(node), 2)}`;
    opening = null;
  }
  yield opening === null ? '\n  ]\n}\n' : `${opening}]\n}\n`;
}
