/**
 * docker-compose.yml and its load balancer, read without Docker (this machine has none): the
 * file parses as YAML, and it wires what "Running at scale" says: Neo4j through a routing URI,
 * Redis, three replicas that share them, only one of which seeds, nginx in front of all three,
 * and a health check on every service.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/graph';
import { NEO4J_IMAGE } from '../helpers/neo4j-version';

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
  stop_grace_period?: string;
}

const compose = parse(readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'), {
  // Compose resolves YAML merge keys (<<), as the replicas' shared block uses them.
  merge: true,
}) as { services: Record<string, Service> };
const { services } = compose;
const replicas = ['api-1', 'api-2', 'api-3'];

describe('docker-compose.yml', () => {
  it('runs Neo4j, Redis, three API replicas and a load balancer, each with a health check', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api-1',
      'api-2',
      'api-3',
      'lb',
      'neo4j',
      'redis',
    ]);
    expect(services.neo4j!.image).toBe(NEO4J_IMAGE);
    for (const [name, service] of Object.entries(services)) {
      const checked = (service.healthcheck?.test.length ?? 0) > 0;
      expect({ name, checked }).toEqual({ name, checked: true });
    }
  });

  it('gives every replica the same Neo4j routing URI, Redis and settings; only the first seeds', () => {
    const env = (name: string) => services[name]!.environment!;
    for (const name of replicas) {
      expect(services[name]!.build).toBe('.');
      expect(env(name)).toMatchObject({
        NEO4J_URI: 'neo4j://neo4j:7687',
        REDIS_URL: 'redis://redis:6379',
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
        TRUST_PROXY_HOPS: 1,
        SHUTDOWN_TIMEOUT_MS: 10000,
      });
      expect(String(env(name).METRICS_TOKEN).length).toBeGreaterThanOrEqual(16);
      expect(services[name]!.depends_on).toMatchObject({
        neo4j: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
      // Docker's SIGKILL comes after the drain and its margin (SHUTDOWN_TIMEOUT_MS + 5 s).
      expect(Number.parseInt(services[name]!.stop_grace_period ?? '10s', 10)).toBeGreaterThan(15);
    }
    expect(replicas.map((name) => env(name).SEED_ON_EMPTY)).toEqual(['true', 'false', 'false']);
    expect(services['api-2']!.depends_on!['api-1']).toEqual({ condition: 'service_healthy' });
    // The routing table names the server: it must be the address replicas reach it by.
    expect(services.neo4j!.environment).toMatchObject({
      NEO4J_server_default__advertised__address: 'neo4j',
    });
  });

  it('puts nginx in front of the three replicas, passing WebSockets and the client address', () => {
    const lb = services.lb!;
    expect(lb.ports).toEqual(['127.0.0.1:4000:8080']);
    const mount = lb.volumes?.[0] ?? '';
    expect(mount).toBe('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    const conf = readFileSync(path.join(PROJECT_ROOT, mount.split(':')[0]!), 'utf8');
    for (const name of replicas) expect(conf).toContain(`server ${name}:4000`);
    expect(conf).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(conf).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(conf).toMatch(/location = \/metrics \{\s*return 404;/);
    expect(conf).toContain('listen 8080;');
    // Every brace closes.
    expect(conf.split('{').length).toBe(conf.split('}').length);
    for (const name of replicas) {
      expect(lb.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    }
  });
});
