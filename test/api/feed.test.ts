/**
 * The Atom feed of a company's changes, read as a feed reader would: fetched over HTTP and
 * parsed by a real XML parser (namespace-aware, strict), then checked against what RFC 4287
 * requires of a feed and its entries. The graph is the FX Corp world (test/fixtures/rules.ts).
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import { FEED_ENTRIES } from '../../src/api/feeds';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, testDatabase } from '../helpers/graph';

const ATOM = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time, as Atom's date constructs require. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses strictly: any parser warning or error fails the test. */
function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
}

const children = (parent: Element, name: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ATOM,
  );
const text = (parent: Element, name: string): string | null =>
  children(parent, name)[0]?.textContent ?? null;

/** What RFC 4287 requires of an Atom feed and its entries; the problems found. */
function atomProblems(doc: Document): string[] {
  const problems: string[] = [];
  const feed = doc.documentElement!;
  if (feed.localName !== 'feed' || feed.namespaceURI !== ATOM)
    return [`the root is {${feed.namespaceURI}}${feed.localName}, not an Atom feed`];
  const isIri = (v: string | null) => v !== null && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);
  const once = (parent: Element, name: string, where: string) => {
    const n = children(parent, name).length;
    if (n !== 1) problems.push(`${where} has ${n} <${name}>, expected exactly one`);
  };
  for (const name of ['id', 'title', 'updated']) once(feed, name, 'the feed');
  if (!isIri(text(feed, 'id'))) problems.push(`the feed id "${text(feed, 'id')}" is not an IRI`);
  if (!RFC3339.test(text(feed, 'updated') ?? '')) problems.push('the feed updated is not RFC 3339');
  const links = (parent: Element) => children(parent, 'link');
  if (!links(feed).some((l) => l.getAttribute('rel') === 'self'))
    problems.push('the feed has no rel="self" link');
  const entries = children(feed, 'entry');
  const feedAuthor = children(feed, 'author')[0];
  if (feedAuthor && !text(feedAuthor, 'name')) problems.push('the feed author has no name');
  entries.forEach((entry, i) => {
    const where = `entry ${i}`;
    for (const name of ['id', 'title', 'updated']) once(entry, name, where);
    const id = text(entry, 'id');
    if (!/^(tag|urn):/.test(id ?? ''))
      problems.push(`${where} id "${id}" is not a tag: or urn: URI`);
    if (!RFC3339.test(text(entry, 'updated') ?? ''))
      problems.push(`${where} updated is not RFC 3339`);
    if (!feedAuthor && children(entry, 'author').length === 0)
      problems.push(`${where} has no author, and neither has the feed`);
    // Without <content>, an entry must have an alternate link and a summary.
    if (children(entry, 'content').length === 0) {
      const alternate = links(entry).filter(
        (l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate',
      );
      if (alternate.length === 0) problems.push(`${where} has no content and no alternate link`);
      if (children(entry, 'summary').length !== 1)
        problems.push(`${where} has no content and no summary`);
    }
    for (const l of links(entry))
      if (!/^https?:\/\//.test(l.getAttribute('href') ?? ''))
        problems.push(`${where} links to "${l.getAttribute('href')}"`);
  });
  const ids = entries.map((e) => text(e, 'id'));
  if (new Set(ids).size !== ids.length) problems.push('two entries share an id');
  return problems;
}

describe('the Atom feed of a company', () => {
  let db: Database;
  let api: TestApi;
  let base: string;
  let curator: string;

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers });

  async function feedOf(
    id: string,
  ): Promise<{ doc: Document; entries: Element[]; res: Response; body: string }> {
    const res = await get(`/feeds/companies/${id}.atom`);
    const body = await res.text();
    expect(res.status).toBe(200);
    const doc = parseXml(body);
    return { doc, entries: children(doc.documentElement!, 'entry'), res, body };
  }

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    curator = `Bearer ${(await createApiKey(db, 'curator', 'feed test')).token}`;
    api = await startTestApi(db);
    base = api.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('is valid Atom: the namespace, the required elements, one entry per change', async () => {
    const { doc, entries, res } = await feedOf('fx-corp');
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(atomProblems(doc)).toEqual([]);
    const feed = doc.documentElement!;
    expect(feed.namespaceURI).toBe(ATOM);
    expect(text(feed, 'title')).toBe('FX Corp: changes in the GDPR rights graph');
    expect(
      children(feed, 'link')
        .find((l) => l.getAttribute('rel') === 'self')
        ?.getAttribute('href'),
    ).toBe(`${base}/feeds/companies/fx-corp.atom`);
    // The complaint against FX Corp and the practices of its three plans; not the guidance,
    // which is against no company.
    const ids = entries.map((e) => text(e, 'id'));
    expect(ids.sort()).toEqual(
      [
        'incident/fx-complaint-2025',
        'practice/fx-free-training',
        'practice/fx-plus-training',
        'practice/fx-pro-training',
      ].map((tail) => `tag:gdpr-rights-graph.org,2025:${tail}`),
    );
  });

  it("tells each change in the graph's own words, linking to its source", async () => {
    const { entries } = await feedOf('fx-corp');
    const byId = new Map(entries.map((e) => [text(e, 'id')!.split(':').pop(), e]));
    const complaint = byId.get('incident/fx-complaint-2025')!;
    expect(text(complaint, 'title')).toBe(
      'Complaint (2025-03-03): Complaint that objecting needs a paid plan',
    );
    expect(text(complaint, 'summary')).toBe(
      'A lawyer complains that free users cannot object without paying.',
    );
    expect(children(complaint, 'link')[0]!.getAttribute('href')).toBe(
      'https://example.org/fx/news',
    );
    const free = byId.get('practice/fx-free-training')!;
    expect(text(free, 'title')).toBe('FX Free: Training AI models from 2025-01-10');
    expect(text(free, 'summary')).toBe('Free prompts train models; objecting needs Pro.');
    // The supporting source first; the disputing one as a related link.
    expect(
      children(free, 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]),
    ).toEqual([
      ['alternate', 'https://example.org/fx/policy'],
      ['related', 'https://example.org/fx/news'],
    ]);
    const plus = byId.get('practice/fx-plus-training')!;
    expect(text(plus, 'title')).toBe('FX Plus: Training AI models from 2025-02');
  });

  it('puts the newest change first, escapes what it quotes, and keeps ids when an entry changes', async () => {
    const title = `Complaint about <script>alert("x")</script> & 'quotes' ]]> in titles`;
    const res = await api.gql(
      `mutation ($input: IncidentInput!) { recordIncident(input: $input) { id } }`,
      {
        input: {
          kind: 'COMPLAINT',
          title,
          date: '2026-02',
          against: ['fx-corp'],
          before: 'fx-dpa',
          cites: ['Art. 21'],
          verification: 'VERIFIED',
          summary: 'Summaries keep <b>markup</b> & ampersands as text.',
          sources: [{ source: 'feed-src' }],
          newSources: [
            {
              id: 'feed-src',
              url: 'https://example.org/feed?a=1&b=2',
              publisher: 'Example',
              title: 'Feed test',
              publishedAt: '2026-02-01',
              kind: 'NEWS',
            },
          ],
        },
      },
      curator,
    );
    expect(res.errors).toBeUndefined();
    const id = res.data!.recordIncident.id;

    const { doc, entries, body } = await feedOf('fx-corp');
    expect(atomProblems(doc)).toEqual([]);
    expect(body).not.toContain('<script>');
    const first = entries[0]!;
    expect(text(first, 'id')).toBe(`tag:gdpr-rights-graph.org,2025:incident/${id}`);
    expect(text(first, 'title')).toBe(`Complaint (2026-02): ${title}`);
    expect(text(first, 'summary')).toBe('Summaries keep <b>markup</b> & ampersands as text.');
    expect(children(first, 'summary')[0]!.getAttribute('type')).toBe('text');
    expect(children(first, 'link')[0]!.getAttribute('href')).toBe(
      'https://example.org/feed?a=1&b=2',
    );
    const updated = entries.map((e) => Date.parse(text(e, 'updated')!));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
    expect(text(doc.documentElement!, 'updated')).toBe(text(first, 'updated'));

    // A retraction updates the entry: same id, newer `updated`, and it says so.
    const retracted = await api.gql(
      `mutation ($id: ID!) { retract(id: $id, reason: "Filed against the wrong company.") { id } }`,
      { id: 'fx-complaint-2025' },
      curator,
    );
    expect(retracted.errors).toBeUndefined();
    const after = await feedOf('fx-corp');
    const entry = after.entries[0]!;
    expect(text(entry, 'id')).toBe('tag:gdpr-rights-graph.org,2025:incident/fx-complaint-2025');
    expect(text(entry, 'title')).toMatch(/^Retracted: Complaint \(2025-03-03\)/);
    expect(text(entry, 'summary')).toMatch(
      /Retracted on \d{4}-\d{2}-\d{2}: Filed against the wrong company\.$/,
    );
    expect(after.entries).toHaveLength(entries.length);
  });

  it(`holds at most ${FEED_ENTRIES} entries, the newest`, async () => {
    const count = FEED_ENTRIES + 5;
    await ingest(db, [
      {
        file: 'many',
        data: {
          incidents: Array.from({ length: count }, (_, i) => ({
            id: `feed-many-${i}`,
            kind: 'COMPLAINT',
            title: `Complaint ${i}`,
            date: '2026-03-01',
            against: ['fx-corp'],
            verification: 'VERIFIED',
            summary: 'One of many.',
            sources: ['fx-src-news'],
          })),
        },
      },
    ]);
    const { doc, entries } = await feedOf('fx-corp');
    expect(atomProblems(doc)).toEqual([]);
    expect(entries).toHaveLength(FEED_ENTRIES);
    // Recorded last, they push every older change out.
    for (const entry of entries) expect(text(entry, 'id')).toMatch(/:incident\/feed-many-\d+$/);
  });

  it('answers 404 for an unknown company, as the API answers errors', async () => {
    const res = await get('/feeds/companies/no-such-company.atom');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      errors: [
        { message: 'no company with id "no-such-company"', extensions: { code: 'NOT_FOUND' } },
      ],
    });
  });

  it('answers 304 to a reader whose copy is current', async () => {
    const first = await get('/feeds/companies/fx-corp.atom');
    const lastModified = first.headers.get('last-modified')!;
    expect(lastModified).toMatch(/GMT$/);
    const again = await get('/feeds/companies/fx-corp.atom', { 'if-modified-since': lastModified });
    expect(again.status).toBe(304);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect(
      (await get('/feeds/companies/fx-corp.atom', { 'if-modified-since': older })).status,
    ).toBe(200);
  });

  it('needs a key where reads are not public, like every route', async () => {
    const closed = await startTestApi(db, { publicReads: false });
    try {
      const url = closed.url.replace(/\/graphql$/, '/feeds/companies/fx-corp.atom');
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const reader = (await createApiKey(db, 'reader', 'feed reader')).token;
      const withKey = await fetch(url, { headers: { authorization: `Bearer ${reader}` } });
      expect(withKey.status).toBe(200);
      expect(atomProblems(parseXml(await withKey.text()))).toEqual([]);
    } finally {
      await closed.close();
    }
  });
});
