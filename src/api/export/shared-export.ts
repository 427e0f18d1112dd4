/**
 * One run of an export for every request that arrives while it runs. The first request starts
 * the export, which writes its output to a spool file; every request reads that file from its
 * start, following it as it grows, each at its own pace. Twenty parallel downloads of the graph
 * cost Neo4j and the API one export, and memory stays that of one: the bytes wait on disk, not
 * in the heap. A request that arrives after a run has ended starts a new one, so no answer is
 * older than the request that receives it. The file goes when the run has ended and its last
 * reader has finished; a run every reader has left stops.
 *
 * Written here: a tee (node:stream, or a PassThrough per reader) holds the bytes a slow reader
 * has not taken in memory, or holds every reader to the slowest, and cannot give a late reader
 * what it missed; no small library follows a growing file for readers that join late.
 */
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Output is written, and read, in blocks of this size. */
const BLOCK_BYTES = 64 * 1024;

export interface SharedExportOptions {
  /** Where spool files are made (a directory of their own each); the system's temp dir by default. */
  spoolDir?: string;
}

/** A run of the export: its spool file, how far it is written, who reads it. */
class Run {
  written = 0;
  ended = false;
  failure: Error | null = null;
  readers = 0;
  removed = false;
  private wake: (() => void)[] = [];

  constructor(
    readonly dir: string,
    readonly file: string,
    /** The spool's write handle until the export starts writing it. */
    public writer: FileHandle | null,
  ) {}

  /** Resolves when more is written, or the run ends. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.wake.push(resolve));
  }

  notify(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }

  /** Removes the spool once the run has ended and no one reads it. */
  async removeIfDone(): Promise<void> {
    if (!this.ended || this.readers > 0 || this.removed) return;
    this.removed = true;
    await rm(this.dir, { recursive: true, force: true });
  }
}

export class SharedExport {
  private current: Run | null = null;
  private starting: Promise<Run> | null = null;

  constructor(
    private readonly produce: () => AsyncIterable<string>,
    private readonly options: SharedExportOptions = {},
  ) {}

  /** How many runs are going (0 or 1). */
  get running(): number {
    return this.current && !this.current.ended ? 1 : 0;
  }

  /**
   * The export's bytes, from the run going on or a new one. The iterable throws the run's
   * failure when the reader reaches it: before the first block, the caller can still answer
   * with an error; after it, it cuts the response short.
   */
  async *read(): AsyncGenerator<Buffer> {
    const run = await this.join();
    let handle: FileHandle | null = null;
    try {
      handle = await open(run.file, 'r');
      let offset = 0;
      for (;;) {
        if (offset < run.written) {
          const block = Buffer.allocUnsafe(Math.min(BLOCK_BYTES, run.written - offset));
          const { bytesRead } = await handle.read(block, 0, block.length, offset);
          offset += bytesRead;
          yield block.subarray(0, bytesRead);
        } else if (run.ended) {
          if (run.failure) throw run.failure;
          return;
        } else {
          await run.changed();
        }
      }
    } finally {
      run.readers -= 1;
      await handle?.close();
      await run.removeIfDone();
    }
  }

  /**
   * Counts the reader in the run going on, or in a new one. A run's export starts with its first
   * reader, so a run is never without one before it ends.
   */
  private async join(): Promise<Run> {
    for (;;) {
      const going = this.current;
      if (going && !going.ended) return this.enter(going);
      this.starting ??= this.start().finally(() => {
        this.starting = null;
      });
      const started = await this.starting;
      // Gone only if the whole export was written and read while this request waited.
      if (!started.removed) return this.enter(started);
    }
  }

  private enter(run: Run): Run {
    run.readers += 1;
    if (run.writer) {
      void this.write(run, run.writer);
      run.writer = null;
    }
    return run;
  }

  /** A new run: its spool directory and file, made before anyone reads them. */
  private async start(): Promise<Run> {
    const dir = await mkdtemp(path.join(this.options.spoolDir ?? os.tmpdir(), 'export-'));
    const file = path.join(dir, 'export');
    const run = new Run(dir, file, await open(file, 'wx'));
    this.current = run;
    return run;
  }

  /** Writes the export to the run's spool, block by block, until it ends, fails or is left. */
  private async write(run: Run, writer: FileHandle): Promise<void> {
    const source = this.produce()[Symbol.asyncIterator]();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const block = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await writer.write(block, 0, block.length, run.written);
      run.written += block.length;
      run.notify();
    };
    let failure: Error | null = null;
    try {
      for (let next = await source.next(); !next.done; next = await source.next()) {
        const chunk = Buffer.from(next.value, 'utf8');
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= BLOCK_BYTES) {
          await flush();
          if (run.readers === 0) throw new Error('every reader of the export left');
        }
      }
      await flush();
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      await source.return?.();
    } finally {
      await writer.close();
      // Readers learn how it ended once the spool is closed: the last of them removes it.
      run.failure = failure;
      run.ended = true;
      run.notify();
      await run.removeIfDone();
    }
  }
}
