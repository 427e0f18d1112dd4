/**
 * Child processes of the benches that run the API as it is deployed (`node dist/cli/start.js`)
 * and the servers beside it: a free port, a start that waits for the ready line, a stop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from './env';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a child and resolves once a line of its output contains `ready` (2 minutes at most). */
export async function startChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command}: not ready:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}):\n${output}`)));
  });
  return child;
}

/** SIGTERM, and waits for the exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The API as a process on a free loopback port, on `uri`, in production mode with warnings only,
 * no seeding and no rate limits; `env` adds to or overrides that. `script` is another build's
 * start.js when given.
 */
export async function startApiProcess(
  uri: string,
  env: Record<string, string> = {},
  script = path.join(PROJECT_ROOT, 'dist', 'cli', 'start.js'),
): Promise<{ child: ChildProcess; origin: string; url: string }> {
  const port = await freePort();
  const child = await startChild(
    process.execPath,
    [script],
    {
      PATH: process.env.PATH,
      TZ: 'UTC',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_URI: uri,
      SEED_ON_EMPTY: 'false',
      NEO4J_TIMEOUT_MS: '60000',
      RATE_LIMIT_ANONYMOUS: '0',
      RATE_LIMIT_PER_KEY: '0',
      ...env,
    },
    ' API ready at ',
  );
  const origin = `http://127.0.0.1:${port}`;
  return { child, origin, url: `${origin}/graphql` };
}
