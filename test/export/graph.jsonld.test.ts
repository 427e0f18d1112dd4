/**
 * The graph as JSON-LD: it expands offline with its inline context, every node has a stable
 * IRI, and rights, legal bases, purposes and data categories resolve to the W3C DPV terms
 * that seeds/ names for them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { parse as parseYaml } from 'yaml';
import {
  ID_BASE,
  nodeIri,
  operatorExecutor,
  parseExportArgs,
  runExport,
  textOf,
} from '../../src/api/export';
import { createLogger } from '../../src/config';
import type { Database } from '../../src/db';
import { NODE_LABELS, type NodeLabel } from '../../src/graph';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, SEEDS_DIR, seedCurated, testDatabase } from '../helpers/graph';

const DPV = 'https://w3id.org/dpv#';
const SKOS_CLOSE_MATCH = 'http://www.w3.org/2004/02/skos/core#closeMatch';
const VOCAB = 'https://gdpr-rights-graph.org/vocab#';
const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';

/** Expansion must never fetch anything: the context is inline. */
const offline = (url: string): Promise<never> =>
  Promise.reject(new Error(`the JSON-LD tried to load ${url}`));

type Expanded = Record<string, any>;

/** Every entry with a `dpv` term in the seed files, by the label it becomes. */
function dpvTermsInSeeds(): { label: NodeLabel; id: string; dpv: string }[] {
  const sections: Record<string, NodeLabel> = {
    rights: 'Right',
    legalBases: 'LegalBasis',
    purposes: 'Purpose',
    dataCategories: 'DataCategory',
  };
  const files = readdirSync(SEEDS_DIR, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.yaml'),
  );
  const terms: { label: NodeLabel; id: string; dpv: string }[] = [];
  for (const file of files) {
    const bundle = parseYaml(readFileSync(path.join(SEEDS_DIR, file), 'utf8')) ?? {};
    for (const [section, label] of Object.entries(sections)) {
      for (const entry of (bundle[section] ?? []) as { id: string; dpv?: string }[]) {
        if (entry.dpv) terms.push({ label, id: entry.id, dpv: entry.dpv });
      }
    }
  }
  return terms;
}

describe('the graph as JSON-LD', () => {
  let db: Database;
  let api: TestApi;
  let text: string;
  let contentType: string | null;
  let headers: Headers;
  let expanded: Expanded[];
  const node = (iri: string): Expanded => {
    const found = expanded.find((n) => n['@id'] === iri);
    if (!found) throw new Error(`no node ${iri} in the export`);
    return found;
  };
  const ids = (n: Expanded, property: string): string[] =>
    ((n[property] ?? []) as { '@id': string }[]).map((v) => v['@id']);

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    api = await startTestApi(db);
    const res = await fetch(`${new URL(api.url).origin}/export/graph.jsonld`);
    expect(res.status).toBe(200);
    contentType = res.headers.get('content-type');
    headers = res.headers;
    text = await res.text();
    expanded = await jsonld.expand(JSON.parse(text), { documentLoader: offline });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('is served as application/ld+json and expands offline with its inline context', () => {
    expect(contentType).toMatch(/^application\/ld\+json/);
    expect(expanded.length).toBeGreaterThan(0);
  });

  it('is streamed as it is read: chunked, with no length known in advance', () => {
    expect(headers.get('transfer-encoding')).toBe('chunked');
    expect(headers.get('content-length')).toBeNull();
  });

  it('gives every node of the graph one stable IRI under /id/<label>/<id>', async () => {
    const res = await api.gql('{ about { nodeCounts { label count } } }');
    const counts = res.data!.about.nodeCounts as { label: string; count: number }[];
    for (const label of NODE_LABELS) {
      const expected = counts.find((c) => c.label === label)?.count ?? 0;
      const exported = expanded.filter((n) =>
        (n['@type'] as string[]).includes(`${VOCAB}${label}`),
      );
      expect({ label, count: exported.length }).toEqual({ label, count: expected });
    }
    const iris = expanded.map((n) => n['@id'] as string);
    expect(new Set(iris).size).toBe(iris.length);
    for (const iri of iris)
      expect(iri).toMatch(/^https:\/\/gdpr-rights-graph\.org\/id\/[a-z-]+\/[a-z0-9.-]+$/);
    expect(nodeIri('LegalBasis', 'legitimate-interest')).toBe(
      `${ID_BASE}legal-basis/legitimate-interest`,
    );
    node(`${ID_BASE}plan/le-chat-free`);
  });

  it('links each right, legal basis, purpose and data category to the DPV term seeds/ names', () => {
    const terms = dpvTermsInSeeds();
    expect(terms.map((t) => t.label)).toEqual(
      expect.arrayContaining(['Right', 'LegalBasis', 'Purpose', 'DataCategory']),
    );
    for (const term of terms) {
      const iri = nodeIri(term.label, term.id);
      expect({ iri, dpv: ids(node(iri), SKOS_CLOSE_MATCH) }).toEqual({ iri, dpv: [term.dpv] });
    }
    expect(ids(node(`${ID_BASE}right/right-object`), SKOS_CLOSE_MATCH)).toEqual([
      'https://w3id.org/dpv/legal/eu/gdpr#A21',
    ]);
  });

  it('describes a practice as a dpv:Process with its DPV purpose, legal basis, data and rights', () => {
    const practice = node(`${ID_BASE}practice/mistral-le-chat-free-training-2024`);
    expect(practice['@type']).toEqual(
      expect.arrayContaining([`${VOCAB}Practice`, `${DPV}Process`]),
    );
    const seeds = new Map(dpvTermsInSeeds().map((t) => [`${t.label}:${t.id}`, t.dpv]));
    expect(ids(practice, `${DPV}hasPurpose`)).toEqual([seeds.get('Purpose:ai-model-training')]);
    // Mistral's policy then in force names legitimate interests; so does the later one.
    expect(ids(practice, `${DPV}hasLegalBasis`)).toEqual([
      seeds.get('LegalBasis:legitimate-interest'),
    ]);
    const later = node(`${ID_BASE}practice/mistral-le-chat-free-training-2025`);
    expect(ids(later, `${DPV}hasLegalBasis`)).toEqual([
      seeds.get('LegalBasis:legitimate-interest'),
    ]);
    // Team data is not processed for training: no basis is stated, and the export states none.
    const team = node(`${ID_BASE}practice/mistral-le-chat-team-training`);
    expect(ids(team, `${DPV}hasLegalBasis`)).toEqual([]);
    expect(ids(practice, `${DPV}hasRight`)).toEqual([seeds.get('Right:right-object')]);
    expect(ids(practice, `${DPV}hasPersonalData`)).toEqual([
      seeds.get('DataCategory:user-prompts'),
    ]);
    expect(ids(practice, `${VOCAB}appliesTo`)).toEqual([`${ID_BASE}plan/le-chat-free`]);
    expect(practice[`${VOCAB}validTo`]).toEqual([{ '@type': XSD_DATE, '@value': '2025-02-13' }]);
  });

  it('keeps how a practice handles a right, and the sources for and against it', () => {
    const practice = node(`${ID_BASE}practice/mistral-le-chat-free-training-2024`);
    const handling = practice[`${VOCAB}rights`] as Expanded[];
    expect(handling).toHaveLength(1);
    expect(ids(handling[0]!, `${VOCAB}right`)).toEqual([`${ID_BASE}right/right-object`]);
    expect(handling[0]![`${VOCAB}status`]).toEqual([{ '@value': 'PAID_ONLY' }]);
    const evidence = practice[`${VOCAB}evidence`] as Expanded[];
    const disputing = evidence.filter((e) => e[`${VOCAB}stance`][0]['@value'] === 'DISPUTES');
    expect(disputing.length).toBeGreaterThan(0);
    for (const e of evidence) expect(ids(e, `${VOCAB}source`)[0]).toMatch(`${ID_BASE}source/`);
    expect(disputing.map((e) => e[`${VOCAB}note`][0]['@value']).join(' ')).toMatch(/Mistral/);
  });

  it('turns into RDF: the triple that says the practice concerns the right to object', async () => {
    const nquads = (await jsonld.toRDF(JSON.parse(text), {
      format: 'application/n-quads',
      documentLoader: offline,
    })) as unknown as string;
    expect(nquads).toContain(
      `<${ID_BASE}practice/mistral-le-chat-free-training-2024> <${DPV}hasRight> <https://w3id.org/dpv/legal/eu/gdpr#A21> .`,
    );
  });

  it('is the same document from the command line', async () => {
    const fromCli = await textOf(
      await runExport(parseExportArgs(['--format', 'jsonld']), {
        db,
        executor: () => operatorExecutor(db, createLogger('silent')),
      }),
    );
    expect(fromCli).toBe(text);
  });
});
