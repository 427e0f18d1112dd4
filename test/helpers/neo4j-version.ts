import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The one pinned Neo4j version (package.json config.neo4jVersion), for Testcontainers. */
export const NEO4J_VERSION: string = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
    config: { neo4jVersion: string };
  }
).config.neo4jVersion;

export const NEO4J_IMAGE = `neo4j:${NEO4J_VERSION}-community`;
