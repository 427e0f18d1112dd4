import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NEO4J_VERSION } from '../helpers/neo4j-version';
import { testDatabase } from '../helpers/graph';

const root = path.resolve(__dirname, '../..');

describe('the pinned Neo4j version', () => {
  it('is the same for Testcontainers, docker compose and the launcher', () => {
    const pom = readFileSync(path.join(root, 'tools/neo4j-launcher/pom.xml'), 'utf8');
    const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(/<neo4j.version>([^<]+)<\/neo4j.version>/.exec(pom)?.[1]).toBe(NEO4J_VERSION);
    expect(compose).toContain(`image: neo4j:${NEO4J_VERSION}-community`);
  });

  it('is the version of the Neo4j the tests run against', async () => {
    const db = testDatabase();
    try {
      const rows = await db.read(
        'version',
        'CALL dbms.components() YIELD versions RETURN versions[0] AS version',
      );
      expect(rows[0]?.version).toBe(NEO4J_VERSION);
    } finally {
      await db.close();
    }
  });
});
