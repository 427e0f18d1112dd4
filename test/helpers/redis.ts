/**
 * A real Redis for the suites that need one: REDIS_URL when set (CI starts one), else a
 * redis-server of this suite's own on a free loopback port, without persistence, stopped at
 * the end. Each suite gets its own key and channel prefix, so that suites running at once on
 * one Redis never count in each other's rate-limit buckets or hear each other's events.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export interface TestRedis {
  url: string;
  /** A prefix of this suite's own (REDIS_PREFIX). */
  prefix: string;
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 now (the kernel's pick). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether a Redis answers PING at host:port. */
function answersPing(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export interface OwnRedis extends TestRedis {
  port: number;
  /** Starts redis-server again on the same port (after `stop`), empty. */
  restart(): Promise<void>;
}

/**
 * REDIS_URL's Redis when set, else one of the suite's own; `own: true` always starts one
 * (a suite that stops Redis must not stop everyone's).
 */
export async function startTestRedis(): Promise<TestRedis>;
export async function startTestRedis(options: { own: true }): Promise<OwnRedis>;
export async function startTestRedis(options: { own?: boolean } = {}): Promise<TestRedis> {
  const prefix = `test-${randomBytes(4).toString('hex')}:`;
  const given = process.env.REDIS_URL;
  if (given && !options.own) return { url: given, prefix, stop: () => Promise.resolve() };

  const port = await freePort();
  let child = await startRedisServer(port);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    prefix,
    port,
    stop,
    restart: async () => {
      await stop();
      child = await startRedisServer(port);
    },
  };
  return own;
}

async function startRedisServer(port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              'redis-server was not found: install it (apt-get install -y redis-server) or set REDIS_URL',
            )
          : error,
      ),
    );
  });
  for (let i = 0; i < 100 && !(await answersPing(port)); i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!(await answersPing(port))) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not answer on 127.0.0.1:${port}`);
  }
  return child;
}
