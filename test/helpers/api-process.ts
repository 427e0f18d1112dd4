/**
 * The API as replicas run it: a real process (`node dist/cli/start.js`) on a port of its own,
 * configured by environment variables only, against the suite's Neo4j (a routing URI) and a
 * shared Redis. A process can be stopped as an orchestrator does (SIGTERM, then its drain) or
 * killed outright (SIGKILL).
 *
 * It runs the compiled dist/: `ensureBuilt` compiles src/ first when any module is newer than
 * its output (as after an edit without `npm run build`), so a suite never tests stale code.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './graph';
import { freePort } from './redis';

const SRC = path.join(PROJECT_ROOT, 'src');
const DIST = path.join(PROJECT_ROOT, 'dist');

/** src modules whose compiled output is missing or older than the source. */
function staleModules(dir = SRC): string[] {
  const stale: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      stale.push(...staleModules(file));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const out = path.join(DIST, path.relative(SRC, file)).replace(/\.ts$/, '.js');
      if (!existsSync(out) || statSync(out).mtimeMs < statSync(file).mtimeMs) stale.push(file);
    }
  }
  return stale;
}

/**
 * Compiles src/ (tsconfig.build.json) unless dist/ is current. A lock folder keeps two Jest
 * workers from compiling at once; the second waits, then finds dist/ current.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = path.join(PROJECT_ROOT, '.neo4j', 'build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes was left by a killed run.
      if (waited > 120_000 || Date.now() - statSync(lock).mtimeMs > 120_000) {
        rmdirSync(lock);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (staleModules().length === 0) return;
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: PROJECT_ROOT, stdio: 'pipe' },
    );
  } finally {
    rmdirSync(lock);
  }
}

export interface ApiProcess {
  /** The GraphQL endpoint, http://127.0.0.1:<port>/graphql. */
  url: string;
  origin: string;
  child: ChildProcess;
  /** What it printed so far (stdout and stderr), line by line: JSON log lines and its banner. */
  output: string[];
  /** Resolves when it has exited, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`); resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL: no drain, no goodbye. */
  kill(): Promise<void>;
}

/**
 * Starts `node dist/cli/start.js` with the given environment on top of: a free port on
 * 127.0.0.1, no seeding, JSON logs at info level, webhooks to loopback allowed. Resolves once
 * it says it is ready; rejects with its output if it exits first or takes over a minute.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(DIST, 'cli', 'start.js')], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API process was not ready within 60 s:\n${output.join('\n')}`));
    }, 60_000);
    const collect = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          output.push(line);
          if (line.includes(' API ready at ')) {
            clearTimeout(timer);
            resolve();
          }
        }
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(`the API process exited (${code}) before it was ready:\n${output.join('\n')}`),
      );
    });
  });
  await ready;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/graphql`,
    origin,
    child,
    output,
    exited,
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
