/**
 * Runs the real API (its HTTP server, Apollo, the compiled schema) on a free port against the
 * test Neo4j, and sends GraphQL over HTTP as a client would.
 */
import type { Principal } from '../../src/api/auth/api-keys';
import type { ApiContext } from '../../src/api/context';
import { createEvents } from '../../src/api/events';
import { type ApiLimits, type RunningApi, startApi } from '../../src/api/server';
import type { WebhookSettings } from '../../src/api/webhooks';
import { createLogger } from '../../src/config';
import { type Database, QueryTally } from '../../src/db';
import type { RedisSettings } from '../../src/redis';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    extensions?: { code?: string } & Record<string, unknown>;
    path?: (string | number)[];
  }[];
  /** How many Cypher queries the request issued (the x-cypher-queries header). */
  cypherQueries: number;
  headers: Headers;
  /** The body as sent, for comparing answers byte for byte. */
  text: string;
}

export interface TestApi {
  url: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    authorization?: string,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startTestApi(
  db: Database,
  options: {
    development?: boolean;
    publicReads?: boolean;
    limits?: Partial<ApiLimits>;
    shapedAnswers?: boolean;
    webhooks?: Partial<WebhookSettings>;
    /** Shared state in Redis, as replicas behind a load balancer have it. */
    redis?: RedisSettings;
    metricsToken?: string;
  } = {},
): Promise<TestApi> {
  const api: RunningApi = await startApi({
    db,
    publicReads: options.publicReads ?? true,
    // Suites send many requests from one address; the rate-limit suite sets its own limits.
    limits: { perKey: 0, anonymous: 0, ...options.limits },
    logger: createLogger('silent'),
    port: 0,
    host: '127.0.0.1',
    development: options.development ?? false,
    shapedAnswers: options.shapedAnswers,
    webhooks: options.webhooks,
    redis: options.redis,
    metricsToken: options.metricsToken,
  });
  return {
    url: api.url,
    async gql<T>(query: string, variables?: Record<string, unknown>, authorization?: string) {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as Omit<
        GraphQLResponse<T>,
        'status' | 'cypherQueries' | 'headers' | 'text'
      >;
      return {
        ...body,
        text,
        status: res.status,
        cypherQueries: Number(res.headers.get('x-cypher-queries') ?? NaN),
        headers: res.headers,
      };
    },
    close: () => api.close(),
  };
}

/**
 * A request's context on a replica whose webhook dispatcher never hears of its writes, as when
 * the replica dies right after the commit: what the write itself stored is all that is left.
 */
export function replicaDyingAfterCommit(db: Database, principal: Principal): ApiContext {
  return {
    db,
    queries: new QueryTally(),
    requestId: 'dying-replica',
    logger: createLogger('silent'),
    principal,
    authError: null,
    publicReads: true,
    events: createEvents(),
  };
}
