/**
 * Finds a real Neo4j for the suite, in this order:
 * 1. NEO4J_URI, when given (CI starts the local one and passes it);
 * 2. a Testcontainers Neo4j, where a container runtime answers;
 * 3. the project's own launcher (tools/neo4j-launcher), on a test port with fresh data.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { localNeo4jStatus, startLocalNeo4j } from '../../src/devtools/local-neo4j';
import { NEO4J_IMAGE } from '../helpers/neo4j-version';

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

export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  if (process.env.NEO4J_URI) return;
  if (await containerRuntimeAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer(NEO4J_IMAGE).withPassword('test-password').start();
    process.env.NEO4J_URI = container.getBoltUri();
    process.env.NEO4J_USER = container.getUsername();
    process.env.NEO4J_PASSWORD = container.getPassword();
    (globalThis as { __neo4jStop__?: () => Promise<unknown> }).__neo4jStop__ = () =>
      container.stop();
    return;
  }
  const port = Number(process.env.NEO4J_TEST_PORT ?? 7688);
  const dataDir = path.join(root, '.neo4j', `test-data-${port}`);
  // A fresh data folder gives every run the same starting state (unless one is running there).
  const status = await localNeo4jStatus({ dataDir, port });
  if (!status.running && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  const handle = await startLocalNeo4j({ port, dataDir, heap: '1g', projectRoot: root });
  process.env.NEO4J_URI = handle.uri;
  (globalThis as { __neo4jStop__?: () => Promise<unknown> }).__neo4jStop__ = () => handle.stop();
}
