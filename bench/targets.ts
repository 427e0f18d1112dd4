/**
 * The benchmark's targets as child processes (bench/serve.ts), and one measured cell: a
 * workload asked of a target by autocannon, with exact percentiles and CPU per request.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import type { TargetName, Workload, WorkloadContext } from './workloads';

export interface Target {
  name: TargetName;
  url: string;
  child: ChildProcess;
}

/**
 * Options serve.js takes after the port (O: `noshaped`, without the shaped-answer plugin;
 * `nokept`, without kept answers; R: `managed`, reading in managed transactions instead of
 * auto-commit ones, the API's way).
 */
export const TARGET_OPTIONS = ['noshaped', 'nokept', 'managed'] as const;
export type TargetOption = (typeof TARGET_OPTIONS)[number];

/**
 * Starts a target in its own process: this build's serve.js, or another build's (`serveJs`),
 * with options (builds that predate an option ignore it).
 */
export async function spawnTarget(
  name: TargetName,
  uri: string,
  serveJs = path.join(__dirname, 'serve.js'),
  options: readonly TargetOption[] = [],
): Promise<Target> {
  const child = spawn(process.execPath, [serveJs, name, uri, '0', ...options], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  return { name, url: `http://127.0.0.1:${port}${name === 'R' ? '/' : '/graphql'}`, child };
}

/** Peak and current resident memory of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number | undefined): { peakMiB: number; rssMiB: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { peakMiB: Math.round(kb('VmHWM') / 1024), rssMiB: Math.round(kb('VmRSS') / 1024) };
  } catch {
    return null;
  }
}

/** CPU time (user + system, all threads) a process has used, in ms (Linux /proc, 100 ticks/s). */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export interface Sample {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  /** CPU ms per answered request: the target's process, and Neo4j's. Robust to a busy machine. */
  cpu: number;
  neo4jCpu: number;
}

export async function measure(
  target: Target,
  workload: Workload,
  ctx: WorkloadContext,
  connections: number,
  duration: number,
  expectedMs = 0,
  neo4jPid?: number,
): Promise<Sample> {
  let bad = 0;
  const cpuBefore = cpuMs(target.child.pid);
  const neo4jBefore = cpuMs(neo4jPid);
  const request = workload.request(target.name, ctx);
  // A window of `duration` seconds would see too few answers of a slow question (autocannon
  // drops those still in flight): count answers instead.
  const slow = expectedMs * 4 > duration * 1000;
  // autocannon's histogram keeps whole milliseconds, a 50% error on a 2 ms answer: percentiles
  // come from the exact response times of its 'response' events instead.
  const times: number[] = [];
  const options: autocannon.Options = {
    url: target.url,
    connections,
    ...(slow ? { amount: Math.max(8, connections * 4) } : { duration }),
    timeout: 60,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) bad++;
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(options, (error, done) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    run.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  const answered = Math.max(1, result.requests.total - result.non2xx);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    rps: result.requests.average,
    requests: result.requests.total,
    errors: bad + result.errors + result.timeouts + result.non2xx,
    cpu: Math.round(((cpuMs(target.child.pid) - cpuBefore) / answered) * 100) / 100,
    neo4jCpu: Math.round(((cpuMs(neo4jPid) - neo4jBefore) / answered) * 100) / 100,
  };
}

/** Nearest-rank percentile, to 0.1 ms. */
export function percentile(times: number[], p: number): number {
  if (times.length === 0) return NaN;
  const sorted = [...times].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round(sorted[rank - 1]! * 10) / 10;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
