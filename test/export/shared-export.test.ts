/**
 * The JSON-LD export is run once for the requests that arrive while it runs
 * (src/api/export/shared-export.ts): over HTTP against the real Neo4j, every request gets the
 * whole document, the graph is read once, a reader that leaves does not stop the others, and
 * the spool file is gone at the end. Then the spool on its own: a failure reaches every reader,
 * and an export every reader has left stops.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SharedExport } from '../../src/api/export/shared-export';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated } from '../helpers/graph';
import { RecordingDatabase } from '../helpers/recording-database';

/** Reads a response body to its end, or only its first chunk when `leaveEarly`. */
async function download(
  url: string,
  leaveEarly = false,
): Promise<{ status: number; text: string }> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const decoder = new TextDecoder();
  let text = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (leaveEarly) {
        controller.abort();
        break;
      }
    }
  } catch (error) {
    if (!leaveEarly) throw error;
  }
  return { status: res.status, text };
}

async function collect(source: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

describe('the JSON-LD export, shared by the requests that arrive while it runs', () => {
  let db: RecordingDatabase;
  let api: TestApi;
  let spool: string;
  let url: string;
  let alone: string;
  const exportsRun = () => db.take().filter((q) => q.name === 'exportGraph').length;
  const tmpdir = process.env.TMPDIR;

  beforeAll(async () => {
    // The export spools under the system's temp dir: a directory of this suite's own.
    spool = await mkdtemp(path.join(os.tmpdir(), 'spool-test-'));
    process.env.TMPDIR = spool;
    db = RecordingDatabase.forWorker();
    await resetGraph(db);
    await seedCurated(db);
    api = await startTestApi(db);
    url = `${new URL(api.url).origin}/export/graph.jsonld`;
    db.take();
    const first = await download(url);
    expect(first.status).toBe(200);
    alone = first.text;
    expect(exportsRun()).toBe(1);
  }, 180_000);
  afterAll(async () => {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
    await api?.close();
    await db?.close();
    await rm(spool, { recursive: true, force: true });
  });

  it('gives each of four parallel requests the whole document, from one read of the graph', async () => {
    expect(alone.length).toBeGreaterThan(256 * 1024);
    expect(() => JSON.parse(alone)).not.toThrow();
    const answers = await Promise.all([1, 2, 3, 4].map(() => download(url)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    for (const answer of answers) expect(answer.text).toBe(alone);
    expect(exportsRun()).toBe(1);
    expect(await readdir(spool)).toEqual([]);
  });

  it('goes on for the others when one request leaves early', async () => {
    const [left, ...stayed] = await Promise.all([
      download(url, true),
      download(url),
      download(url),
    ]);
    expect(left.text.length).toBeLessThan(alone.length);
    for (const answer of stayed) expect(answer.text).toBe(alone);
    expect(exportsRun()).toBe(1);
    expect(await readdir(spool)).toEqual([]);
  });

  it('reads the graph again for a request that comes after a run has ended', async () => {
    await download(url);
    await download(url);
    expect(exportsRun()).toBe(2);
  });
});

describe('the spool of a shared export', () => {
  let spool: string;
  beforeEach(async () => {
    spool = await mkdtemp(path.join(os.tmpdir(), 'spool-unit-'));
  });
  afterEach(async () => {
    await rm(spool, { recursive: true, force: true });
  });

  it("gives every reader the export's failure after what was written before it", async () => {
    const block = 'x'.repeat(70 * 1024);
    const shared = new SharedExport(
      async function* () {
        yield block;
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('Neo4j went away');
      },
      { spoolDir: spool },
    );
    const readers = [1, 2, 3].map(async () => {
      let bytes = 0;
      try {
        for await (const part of shared.read()) bytes += part.length;
        return { bytes, error: null };
      } catch (error) {
        return { bytes, error: (error as Error).message };
      }
    });
    const results = await Promise.all(readers);
    expect(results).toEqual(
      [1, 2, 3].map(() => ({ bytes: block.length, error: 'Neo4j went away' })),
    );
    expect(await readdir(spool)).toEqual([]);
  });

  it('fails the first read when the export fails before writing anything', async () => {
    const shared = new SharedExport(
      async function* () {
        await Promise.resolve();
        yield* [];
        throw new Error('no access to the graph');
      },
      { spoolDir: spool },
    );
    await expect(collect(shared.read())).rejects.toThrow('no access to the graph');
    expect(await readdir(spool)).toEqual([]);
  });

  it('stops an export every reader has left', async () => {
    let produced = 0;
    let stopped = false;
    const shared = new SharedExport(
      async function* () {
        try {
          for (;;) {
            produced += 1;
            yield 'y'.repeat(16 * 1024);
            await new Promise((resolve) => setImmediate(resolve));
          }
        } finally {
          stopped = true;
        }
      },
      { spoolDir: spool },
    );
    for await (const part of shared.read()) {
      expect(part.length).toBeGreaterThan(0);
      break;
    }
    // The run ends once the export has stopped and its spool is closed.
    for (let i = 0; i < 200 && shared.running > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(shared.running).toBe(0);
    expect(stopped).toBe(true);
    expect(produced).toBeLessThan(20);
    expect(await readdir(spool)).toEqual([]);
  });
});
