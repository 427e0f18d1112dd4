/**
 * Finds a real Neo4j for each Jest worker, so that suites run in parallel, each on a graph it
 * owns while it runs (Neo4j community holds one database per server):
 * 1. NEO4J_TEST_URIS, a comma-separated list (one per worker), or NEO4J_URI (then one worker);
 * 2. Testcontainers Neo4j containers, where a container runtime answers;
 * 3. the project's own launcher, one server per worker on ports from NEO4J_TEST_PORT (7688),
 *    each with a fresh data folder, connected through neo4j:// (a single server answers
 *    routing requests, so the routing driver is what every test uses).
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { localNeo4jStatus, startLocalNeo4j } from '../../src/devtools/local-neo4j';
import { NEO4J_IMAGE } from '../helpers/neo4j-version';
import type { Config } from '@jest/types';

const root = path.resolve(__dirname, '../..');

async function containerRuntimeAnswers(): Promise<boolean> {
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

type Stop = () => Promise<unknown>;

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  process.env.TZ = 'UTC';
  if (process.env.NEO4J_TEST_URIS || process.env.NEO4J_URI) return;
  const workers = globalConfig.maxWorkers;
  const stops: Stop[] = [];
  const uris: string[] = [];
  if (await containerRuntimeAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const containers = await Promise.all(
      Array.from({ length: workers }, () =>
        new Neo4jContainer(NEO4J_IMAGE).withPassword('password').start(),
      ),
    );
    for (const c of containers) {
      uris.push(c.getBoltUri());
      stops.push(() => c.stop());
    }
  } else {
    const base = Number(process.env.NEO4J_TEST_PORT ?? 7688);
    const handles = await Promise.all(
      Array.from({ length: workers }, async (_, i) => {
        const port = base + i * 10;
        const dataDir = path.join(root, '.neo4j', `test-data-${port}`);
        // A fresh data folder gives every run the same starting state (unless one is running there).
        const status = await localNeo4jStatus({ dataDir, port });
        if (!status.running && existsSync(dataDir))
          rmSync(dataDir, { recursive: true, force: true });
        return startLocalNeo4j({
          port,
          dataDir,
          heap: '768m',
          pagecache: '256m',
          projectRoot: root,
        });
      }),
    );
    for (const h of handles) {
      uris.push(h.uri.replace(/^bolt:/, 'neo4j:'));
      stops.push(() => h.stop());
    }
  }
  process.env.NEO4J_TEST_URIS = uris.join(',');
  (globalThis as { __neo4jStop__?: Stop }).__neo4jStop__ = () => Promise.all(stops.map((s) => s()));
}
