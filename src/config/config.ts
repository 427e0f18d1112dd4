/**
 * Every setting comes from the environment and is validated once, at start.
 * A bad value stops the process with a message that names the variable.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(1).max(65535);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** When absent, `npm start` runs the project's own Neo4j (tools/neo4j-launcher). */
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a bolt:// or neo4j:// (or +s/+ssc) URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).default('password'),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_LOCAL_PORT: port.default(7687),
  NEO4J_LOCAL_DATA: z.string().min(1).optional(),
  NEO4J_LOCAL_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'expected a JVM size such as 1g or 768m')
    .default('1g'),
  /** How long a query may wait for a connection or a reply before the API says the database is unavailable. */
  NEO4J_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(1500),
  SEED_ON_EMPTY: bool.default(true),
  /**
   * Keep the answers of the questions that count every match until the graph changes
   * (src/db/kept-answers.ts). Off where writes reach Neo4j past the API (raw Cypher, an
   * operator's import): those give the graph no new version.
   */
  KEPT_ANSWERS: bool.default(true),
  /** Anonymous callers may read; every write needs a curator key regardless. */
  PUBLIC_READS: bool.default(true),
  /** Query limits, checked before any database work. */
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(3000),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(8),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(1).max(500).default(15),
  /** Estimated objects a query may return (first x nested lists), in the spirit of GitHub's node limit. */
  MAX_QUERY_COST: z.coerce.number().int().min(100).max(100_000_000).default(500_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(100_000_000).default(2_000_000),
  /** Requests per minute: per API key, and per client address for anonymous callers. 0 turns the limit off. */
  RATE_LIMIT_PER_KEY: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(0).default(300),
  /**
   * Proxies in front of the API (a load balancer) trusted to name the client in X-Forwarded-For,
   * for the rate limit's per-address buckets. 0: the peer's address is the client's.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Origins allowed by CORS, comma-separated (e.g. https://dash.example.org); none by default. */
  CORS_ORIGINS: z.string().default(''),
  /** Introspection and the explorer; on by default, off by default in production. */
  INTROSPECTION: bool.optional(),
  EXPLORER: bool.optional(),
  /** Let webhooks deliver to loopback and private addresses (local development only). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /**
   * Redis shared by the replicas behind a load balancer: rate-limit counters, subscription
   * events, key revocations. Without it a single process keeps them in memory.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'expected a redis:// or rediss:// URL')
    .optional(),
  /** Put before every Redis key and channel: deployments that share a Redis need distinct ones. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'expected 1 to 64 letters, digits or : _ . -')
    .default('gdpr-rights-graph:'),
  /** The bearer token /metrics asks for; without it /metrics answers loopback callers only. */
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  /** How long SIGTERM waits for requests under way before cutting their connections. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.output<typeof EnvSchema>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = EnvSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = i.path.join('.');
    const raw = env[name];
    const shown =
      raw === undefined
        ? 'missing'
        : /PASSWORD|KEY|SECRET|TOKEN|REDIS_URL/.test(name)
          ? 'set'
          : `"${raw}"`;
    return `  ${name} (${shown}): ${i.message}`;
  });
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}
