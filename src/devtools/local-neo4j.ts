/**
 * Manages a local Neo4j (tools/neo4j-launcher, embedded community edition) as a detached
 * background process, so `db:start` can exit and leave the database running.
 *
 * Files live next to the data dir, keyed by the data dir's name because one data dir can only
 * ever be opened by one process (Neo4j holds a store lock), e.g. for `.neo4j/data`:
 *   .neo4j/neo4j-data.pid   JSON {pid, port, dataDir, startedAt} of the running launcher
 *   .neo4j/neo4j-data.log   the launcher's stdout/stderr (Neo4j's own logs are in <dataDir>/logs)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  /** JVM max heap, e.g. "1g". */
  heap?: string;
  /** Neo4j page cache size, e.g. "256m". */
  pagecache?: string;
  /** Repository root, used to find tools/neo4j-launcher. */
  projectRoot: string;
}

export interface LocalNeo4jHandle {
  uri: string;
  pid: number;
  /** False when an already running instance was reused; its stop() is then a no-op. */
  startedHere: boolean;
  stop(): Promise<void>;
}

export type LocalNeo4jErrorCode =
  | 'JAVA_MISSING'
  | 'MAVEN_MISSING'
  | 'BUILD_FAILED'
  | 'PORT_IN_USE'
  | 'START_TIMEOUT'
  | 'START_FAILED';

export class LocalNeo4jError extends Error {
  readonly code: LocalNeo4jErrorCode;

  constructor(code: LocalNeo4jErrorCode, message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
    this.code = code;
  }
}

const HOST = '127.0.0.1';
const READY_PREFIX = 'NEO4J_READY ';
const START_HEADER = '\n=== ';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const DEFAULT_HEAP = '1g';
const DEFAULT_PAGECACHE = '256m';
const MIN_JAVA_MAJOR = 17;
/** Exit code the launcher uses when the Bolt port is taken. */
const LAUNCHER_EXIT_PORT_IN_USE = 2;
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;

interface PidFileContent {
  pid: number;
  port: number;
  dataDir: string;
  startedAt: string;
}

interface RunFiles {
  pidFile: string;
  logFile: string;
}

function runFiles(dataDir: string): RunFiles {
  const abs = path.resolve(dataDir);
  const parent = path.dirname(abs);
  const name = path.basename(abs);
  return {
    pidFile: path.join(parent, `neo4j-${name}.pid`),
    logFile: path.join(parent, `neo4j-${name}.log`),
  };
}

function launcherPaths(projectRoot: string): {
  dir: string;
  pom: string;
  jar: string;
  lib: string;
  src: string;
} {
  const dir = path.join(projectRoot, 'tools', 'neo4j-launcher');
  return {
    dir,
    pom: path.join(dir, 'pom.xml'),
    jar: path.join(dir, 'target', 'neo4j-launcher.jar'),
    lib: path.join(dir, 'target', 'lib'),
    src: path.join(dir, 'src'),
  };
}

function boltUri(port: number): string {
  return `bolt://${HOST}:${port}`;
}

function errnoCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = err.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Tool discovery and build

/** Looks a command up on PATH without spawning a shell, so "missing" is reported precisely. */
function findOnPath(command: string): string | undefined {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter((d) => d !== '');
  const exts =
    process.platform === 'win32' ? (process.env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a command to completion, keeping the tail of its combined output for error messages. */
function run(command: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

async function requireJava(): Promise<string> {
  const java = findOnPath('java');
  if (java === undefined) {
    throw new LocalNeo4jError(
      'JAVA_MISSING',
      'Java 17+ is required to run the local Neo4j: `java` was not found on PATH',
    );
  }
  const result = await run(java, ['-version'], process.cwd());
  // e.g. `openjdk version "17.0.15" 2025-04-15` or `java version "1.8.0_402"`
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.output);
  const first = match?.[1] !== undefined ? Number(match[1]) : NaN;
  const major = first === 1 && match?.[2] !== undefined ? Number(match[2]) : first;
  if (result.code !== 0 || Number.isNaN(major)) {
    throw new LocalNeo4jError(
      'JAVA_MISSING',
      `Java 17+ is required to run the local Neo4j: \`${java} -version\` failed:\n${tail(result.output, 10)}`,
    );
  }
  if (major < MIN_JAVA_MAJOR) {
    throw new LocalNeo4jError(
      'JAVA_MISSING',
      `Java 17+ is required to run the local Neo4j: \`${java}\` is Java ${major}`,
    );
  }
  return java;
}

async function newestMtimeMs(target: string): Promise<number> {
  const st = await fsp.stat(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of await fsp.readdir(target)) {
    newest = Math.max(newest, await newestMtimeMs(path.join(target, entry)));
  }
  return newest;
}

async function launcherIsStale(projectRoot: string): Promise<boolean> {
  const p = launcherPaths(projectRoot);
  let jarMtime: number;
  try {
    jarMtime = (await fsp.stat(p.jar)).mtimeMs;
    if ((await fsp.readdir(p.lib)).length === 0) return true;
  } catch {
    return true;
  }
  const sourceMtime = Math.max(await newestMtimeMs(p.pom), await newestMtimeMs(p.src));
  return sourceMtime > jarMtime;
}

/** Builds tools/neo4j-launcher with Maven unless its jar and dependencies are up to date. */
export async function ensureLauncherBuilt(projectRoot: string): Promise<void> {
  await buildIfNeeded(projectRoot, () => {});
}

/** Returns the java binary to run the launcher with. */
async function buildIfNeeded(projectRoot: string, say: (line: string) => void): Promise<string> {
  const java = await requireJava();
  if (!(await launcherIsStale(projectRoot))) return java;

  const mvn = findOnPath('mvn');
  if (mvn === undefined) {
    throw new LocalNeo4jError(
      'MAVEN_MISSING',
      'Maven is required to build the local Neo4j launcher (tools/neo4j-launcher): `mvn` was not found on PATH',
    );
  }
  const p = launcherPaths(projectRoot);
  say('building tools/neo4j-launcher with Maven (the first build downloads Neo4j, ~120 MB)');
  const result = await run(
    mvn,
    ['-q', '-B', '-Dstyle.color=never', '-f', p.pom, 'package', '-DskipTests'],
    p.dir,
  );
  if (result.code !== 0 || !fs.existsSync(p.jar)) {
    throw new LocalNeo4jError(
      'BUILD_FAILED',
      `Building the Neo4j launcher failed (mvn exited ${result.code ?? result.signal}):\n${tail(result.output, 40)}`,
    );
  }
  return java;
}

// ---------------------------------------------------------------------------------------------
// Process and port probing

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: exists but belongs to someone else.
    if (errnoCode(err) !== 'EPERM') return false;
  }
  // A zombie still answers kill(0) but is dead for our purposes.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    // No /proc (macOS): trust kill(0).
  }
  return true;
}

/** Guards against the pid having been reused by an unrelated process since the pid file was written. */
function isLauncherProcess(pid: number): boolean {
  if (!processExists(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('neo4j-launcher');
  } catch {
    return true;
  }
}

function canConnect(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: HOST, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Same check the launcher makes: can a listener bind 127.0.0.1:<port> right now? */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err) => {
      const code = errnoCode(err);
      if (code === 'EADDRINUSE' || code === 'EACCES') resolve(false);
      else reject(err);
    });
    server.listen({ host: HOST, port }, () => {
      server.close(() => resolve(true));
    });
  });
}

function portInUseError(port: number): LocalNeo4jError {
  return new LocalNeo4jError(
    'PORT_IN_USE',
    `port ${port} is already in use on ${HOST} by another process; stop it or set a different port (NEO4J_LOCAL_PORT)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Pid file

async function readPidFile(file: string): Promise<PidFileContent | undefined> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const o = parsed as Record<string, unknown>;
      if (typeof o['pid'] === 'number' && typeof o['port'] === 'number') {
        return {
          pid: o['pid'],
          port: o['port'],
          dataDir: typeof o['dataDir'] === 'string' ? o['dataDir'] : '',
          startedAt: typeof o['startedAt'] === 'string' ? o['startedAt'] : '',
        };
      }
    }
  } catch {
    // fall through: corrupt pid file is treated as stale
  }
  return undefined;
}

async function removeFile(file: string): Promise<void> {
  await fsp.rm(file, { force: true });
}

/** Returns the pid file's launcher if it is still alive; removes a stale pid file. */
async function liveLauncher(dataDir: string): Promise<PidFileContent | undefined> {
  const { pidFile } = runFiles(dataDir);
  const content = await readPidFile(pidFile);
  if (content !== undefined && isLauncherProcess(content.pid)) return content;
  await removeFile(pidFile);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Stop

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processExists(pid)) return true;
    await sleep(100);
  }
  return !processExists(pid);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if (errnoCode(err) !== 'ESRCH') throw err;
  }
}

/** SIGTERM (the launcher shuts Neo4j down cleanly), then SIGKILL after STOP_TIMEOUT_MS. */
async function terminate(pid: number): Promise<void> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

/** Stops the launcher recorded in the data dir's pid file. True if a process was stopped. */
export async function stopLocalNeo4j(opts: Pick<LocalNeo4jOptions, 'dataDir'>): Promise<boolean> {
  const { pidFile } = runFiles(opts.dataDir);
  const live = await liveLauncher(opts.dataDir);
  if (live === undefined) return false;
  await terminate(live.pid);
  await removeFile(pidFile);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Status

export async function localNeo4jStatus(
  opts: Pick<LocalNeo4jOptions, 'dataDir' | 'port'>,
): Promise<{ running: boolean; pid?: number; uri: string }> {
  const live = await liveLauncher(opts.dataDir);
  if (live === undefined) return { running: false, uri: boltUri(opts.port) };
  // Report the instance's real port, which may differ from the one asked about.
  const uri = boltUri(live.port);
  return { running: await canConnect(live.port), pid: live.pid, uri };
}

// ---------------------------------------------------------------------------------------------
// Start

const SIZE_RE = /^(\d+)([kmg]?)$/i;

function sizeBytes(size: string, what: string): number {
  const m = SIZE_RE.exec(size.trim());
  if (m === null || m[1] === undefined) {
    throw new LocalNeo4jError(
      'START_FAILED',
      `invalid ${what} size "${size}" (expected e.g. 512m or 1g)`,
    );
  }
  const unit = (m[2] ?? '').toLowerCase();
  const mult = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  return Number(m[1]) * mult;
}

async function readFrom(file: string, offset: number): Promise<string> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(file, 'r');
    const { size } = await handle.stat();
    if (size <= offset) return '';
    const buf = Buffer.alloc(size - offset);
    await handle.read(buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}

async function logTail(file: string, offset: number, lines = 30): Promise<string> {
  const text = await readFrom(file, offset);
  return text.trim() === '' ? '(launcher log is empty)' : tail(text, lines);
}

/** Where the most recent start's output begins, so an older run's ready line is not mistaken for it. */
async function lastStartOffset(logFile: string): Promise<number> {
  const text = await readFrom(logFile, 0);
  const at = text.lastIndexOf(START_HEADER);
  return at < 0 ? 0 : Buffer.byteLength(text.slice(0, at), 'utf8');
}

async function rotateLogIfLarge(logFile: string): Promise<void> {
  try {
    if ((await fsp.stat(logFile)).size > LOG_ROTATE_BYTES)
      await fsp.rename(logFile, `${logFile}.1`);
  } catch {
    // no log yet
  }
}

interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Waits until the launcher printed its ready line (after `offset` in the log) and the port accepts
 * connections. `exited` is set when we are the launcher's parent and it died.
 */
async function waitUntilReady(
  port: number,
  pid: number,
  logFile: string,
  offset: number,
  exited: () => ChildExit | undefined,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const startedMs = Date.now();
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit !== undefined || !processExists(pid)) {
      const text = await logTail(logFile, offset);
      if (exit?.code === LAUNCHER_EXIT_PORT_IN_USE) throw portInUseError(port);
      const how = exit === undefined ? 'exited' : `exited with ${exit.code ?? exit.signal}`;
      throw new LocalNeo4jError(
        'START_FAILED',
        `Neo4j launcher ${how} during startup. Log tail (${logFile}):\n${text}`,
      );
    }
    const log = await readFrom(logFile, offset);
    if (log.includes(READY_PREFIX) && (await canConnect(port))) return;
    await sleep(Date.now() - startedMs < 10_000 ? 100 : 500);
  }
  throw new LocalNeo4jError(
    'START_TIMEOUT',
    `Neo4j did not become ready on ${boltUri(port)} within ${START_TIMEOUT_MS / 1000} s. Log tail (${logFile}):\n${await logTail(logFile, offset)}`,
  );
}

function reuseHandle(live: PidFileContent): LocalNeo4jHandle {
  return { uri: boltUri(live.port), pid: live.pid, startedHere: false, stop: async () => {} };
}

/**
 * Starts the local Neo4j (or reuses the one already running for this data dir) and resolves once
 * Bolt accepts connections. The process is detached: it outlives the caller unless stop() is called.
 */
export async function startLocalNeo4j(
  opts: LocalNeo4jOptions,
  log?: (line: string) => void,
): Promise<LocalNeo4jHandle> {
  const say = log ?? ((): void => {});
  const dataDir = path.resolve(opts.dataDir);
  const { pidFile, logFile } = runFiles(dataDir);
  const heap = opts.heap ?? DEFAULT_HEAP;
  const pagecache = opts.pagecache ?? DEFAULT_PAGECACHE;
  const heapBytes = sizeBytes(heap, 'heap');
  sizeBytes(pagecache, 'pagecache');

  const live = await liveLauncher(dataDir);
  if (live !== undefined) {
    if (live.port !== opts.port) {
      throw new LocalNeo4jError(
        'START_FAILED',
        `a local Neo4j for ${dataDir} is already running on port ${live.port} (pid ${live.pid}), not ${opts.port}; stop it first`,
      );
    }
    if (!(await canConnect(live.port))) {
      // Most likely another caller started it moments ago; wait for it rather than fail.
      say(`waiting for local Neo4j (pid ${live.pid}) that is still starting`);
      await waitUntilReady(
        live.port,
        live.pid,
        logFile,
        await lastStartOffset(logFile),
        () => undefined,
      );
    }
    say(`reusing local Neo4j (pid ${live.pid}) at ${boltUri(live.port)}`);
    return reuseHandle(live);
  }

  if (!(await portIsFree(opts.port))) throw portInUseError(opts.port);

  const java = await buildIfNeeded(opts.projectRoot, say);
  const { jar } = launcherPaths(opts.projectRoot);

  await fsp.mkdir(dataDir, { recursive: true });
  await rotateLogIfLarge(logFile);
  const header = `${START_HEADER}${new Date().toISOString()} starting Neo4j on ${boltUri(opts.port)} (data ${dataDir}) ===\n`;
  await fsp.appendFile(logFile, header);
  const offset = (await fsp.stat(logFile)).size;

  const xmsBytes = Math.min(heapBytes, 256 * 1024 ** 2);
  const args = [
    `-Xms${Math.floor(xmsBytes / 1024 ** 2)}m`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // A JVM that ran out of heap should die (and be restarted) rather than limp on.
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-jar',
    jar,
    '--port',
    String(opts.port),
    '--data-dir',
    dataDir,
    '--pagecache',
    pagecache,
  ];

  say(
    `starting local Neo4j on ${boltUri(opts.port)} (heap ${heap}, pagecache ${pagecache}, log ${logFile})`,
  );
  const logFd = fs.openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    // Detached with its own process group and no pipes back to us, so the caller can exit.
    child = spawn(java, args, {
      cwd: opts.projectRoot,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    fs.closeSync(logFd);
  }
  let childExit: ChildExit | undefined;
  let spawnError: Error | undefined;
  child.on('exit', (code, sig) => {
    childExit = { code, signal: sig };
  });
  child.on('error', (err) => {
    spawnError = err;
  });
  child.unref();

  const pid = child.pid;
  if (pid === undefined) {
    await sleep(0); // let the 'error' event land
    throw new LocalNeo4jError(
      'START_FAILED',
      `could not spawn ${java}: ${spawnError?.message ?? 'unknown error'}`,
    );
  }
  const content: PidFileContent = {
    pid,
    port: opts.port,
    dataDir,
    startedAt: new Date().toISOString(),
  };
  await fsp.writeFile(pidFile, `${JSON.stringify(content)}\n`);

  try {
    await waitUntilReady(opts.port, pid, logFile, offset, () => childExit);
  } catch (err) {
    if (childExit === undefined && processExists(pid)) await terminate(pid);
    await removeFile(pidFile);
    throw err;
  }

  const uri = boltUri(opts.port);
  say(`local Neo4j ready at ${uri} (pid ${pid})`);
  let stopped = false;
  return {
    uri,
    pid,
    startedHere: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await terminate(pid);
      // Only remove the pid file if it still describes our process.
      const current = await readPidFile(pidFile);
      if (current === undefined || current.pid === pid) await removeFile(pidFile);
    },
  };
}
