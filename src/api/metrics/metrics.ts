/**
 * What operators scrape at GET /metrics (Prometheus text format, prom-client): GraphQL
 * operations by name and outcome with their latency and Cypher queries, every HTTP route's
 * requests and latency, WebSocket connections, Neo4j sessions in use, webhook attempts, rate
 * limit store failures, and Node's own figures (event-loop delay, heap, GC, CPU).
 *
 * One registry per API instance (not prom-client's global one), so that several instances in
 * one process (tests) each report their own; Node's figures are the process's, collected once
 * (each collector holds timers and observers) and added to every scrape. Label values a client
 * chooses (operation names) are bounded: a flood of made-up names must not grow the registry.
 */
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  type LabelValues,
  Registry,
} from 'prom-client';

let processRegistry: Registry | undefined;

/** prom-client's default metrics (event-loop delay, CPU, memory, GC), once per process. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Distinct operation names kept as labels; later ones count as "other". */
const MAX_OPERATION_NAMES = 200;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,49}$/;

/** The routes /metrics names; any other path is "other". */
const ROUTES = new Set([
  '/graphql',
  '/healthz',
  '/readyz',
  '/metrics',
  '/export',
  '/feeds',
  '/dashboard',
  '/explorer',
]);

/** Where latency buckets fall: from a cached small query (2 ms) to a slow export (10 s). */
const SECONDS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type Transport = 'http' | 'ws';

export interface MetricsSources {
  /** Open WebSocket connections. */
  webSockets(): number;
  /** Neo4j sessions open now (Database.sessionsInUse). */
  neo4jSessions(): number;
  /**
   * Kept questions (src/db/kept-answers.ts) answered from a kept answer and run, since the
   * process started, and how many answers are kept now.
   */
  keptAnswers(): { kept: number; ran: number; size: number };
  /** The same for kept pages (incidents pages), kept apart from the answers. */
  keptPages(): { kept: number; ran: number; size: number };
}

/** What a store of kept answers tells /metrics: `<name>_total{outcome}`, and `<name>` held now. */
function keptMetrics(
  name: string,
  totalHelp: string,
  heldHelp: string,
  read: () => { kept: number; ran: number; size: number },
  registers: Registry[],
): void {
  new Counter({
    name: `${name}_total`,
    help: totalHelp,
    labelNames: ['outcome'],
    registers,
    collect() {
      const { kept, ran } = read();
      this.reset();
      this.inc({ outcome: 'kept' }, kept);
      this.inc({ outcome: 'ran' }, ran);
    },
  });
  new Gauge({
    name,
    help: heldHelp,
    registers,
    collect() {
      this.set(read().size);
    },
  });
}

export class ApiMetrics {
  private readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly operations: Counter<'transport' | 'operation' | 'outcome'>;
  private readonly operationSeconds: Histogram<'operation'>;
  private readonly cypherQueries: Histogram<'operation'>;
  private readonly httpSeconds: Histogram<'route' | 'status'>;
  private readonly webhookAttempts: Counter<'outcome'>;
  private readonly storeFailures: Counter;
  private sources: MetricsSources = {
    webSockets: () => 0,
    neo4jSessions: () => 0,
    keptAnswers: () => ({ kept: 0, ran: 0, size: 0 }),
    keptPages: () => ({ kept: 0, ran: 0, size: 0 }),
  };

  constructor() {
    const registers = [this.registry];
    processMetrics();
    this.operations = new Counter({
      name: 'gdpr_graph_graphql_operations_total',
      help: 'GraphQL operations by transport, operation name and outcome ("ok" or the first error code). Over WebSocket, counted when admitted or refused.',
      labelNames: ['transport', 'operation', 'outcome'],
      registers,
    });
    this.operationSeconds = new Histogram({
      name: 'gdpr_graph_graphql_duration_seconds',
      help: 'Time to answer a GraphQL operation over HTTP, once admitted (parsing to answer).',
      labelNames: ['operation'],
      buckets: SECONDS,
      registers,
    });
    this.cypherQueries = new Histogram({
      name: 'gdpr_graph_graphql_cypher_queries',
      help: 'Cypher queries a GraphQL operation issued over HTTP (its x-cypher-queries header).',
      labelNames: ['operation'],
      buckets: [0, 1, 2, 3, 4, 6, 8, 12, 16, 32],
      registers,
    });
    this.httpSeconds = new Histogram({
      name: 'gdpr_graph_http_request_duration_seconds',
      help: 'HTTP requests by route and status, from arrival to the last byte sent (refusals included).',
      labelNames: ['route', 'status'],
      buckets: SECONDS,
      registers,
    });
    this.webhookAttempts = new Counter({
      name: 'gdpr_graph_webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome: succeeded, retrying (failed, tried again later) or failed (gave up).',
      labelNames: ['outcome'],
      registers,
    });
    this.storeFailures = new Counter({
      name: 'gdpr_graph_rate_limit_store_failures_total',
      help: 'Requests let through uncounted because the rate limit store (Redis) failed.',
      registers,
    });
    const sources = () => this.sources;
    new Gauge({
      name: 'gdpr_graph_websocket_connections',
      help: 'Open WebSocket connections.',
      registers,
      collect() {
        this.set(sources().webSockets());
      },
    });
    new Gauge({
      name: 'gdpr_graph_neo4j_sessions_in_use',
      help: 'Neo4j sessions open now, each holding a connection of the driver pool while its transaction runs (the driver publishes no pool figures).',
      registers,
      collect() {
        this.set(sources().neo4jSessions());
      },
    });
    // The kept answers and pages count themselves (the Database's); a scrape reads their counts.
    keptMetrics(
      'gdpr_graph_kept_answers',
      'Kept questions (plansDenyingRight, search, the findings rules) and totals (filtered incidents lists) by outcome: "kept" (answered from what was kept since the graph last changed) or "ran" (the graph changed, or the question was new).',
      'Answers and totals kept now, until the graph changes (at most 500 answers, about 32 M characters, and 5,000 totals).',
      () => sources().keptAnswers(),
      registers,
    );
    keptMetrics(
      'gdpr_graph_kept_pages',
      'Pages of lists whose cost follows the page (incidents) by outcome: "kept" (answered from the page kept since the graph last changed) or "ran".',
      'Pages kept now, until the graph changes (at most 2,000, about 16 M characters), apart from the answers.',
      () => sources().keptPages(),
      registers,
    );
  }

  /** The content type of `scrape`'s text. */
  readonly contentType = this.registry.contentType;

  /** This API's metrics and the process's, in Prometheus text format. */
  scrape(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }

  /** Where the gauges read their values, once the parts they read exist. */
  observe(sources: MetricsSources): void {
    this.sources = sources;
  }

  /** One GraphQL operation: its outcome, and over HTTP its time and Cypher queries. */
  operation(
    transport: Transport,
    name: string | null | undefined,
    outcome: string,
    timing?: { seconds: number; cypherQueries: number },
  ): void {
    const operation = this.operationLabel(name);
    const labels: LabelValues<'transport' | 'operation' | 'outcome'> = {
      transport,
      operation,
      outcome: outcome === 'ok' || ERROR_CODE.test(outcome) ? outcome : 'OTHER',
    };
    this.operations.inc(labels);
    if (!timing) return;
    this.operationSeconds.observe({ operation }, timing.seconds);
    this.cypherQueries.observe({ operation }, timing.cypherQueries);
  }

  /** One HTTP request, by the route its path starts with. */
  httpRequest(path: string, status: number, seconds: number): void {
    const segment = /^\/[^/?#]*/.exec(path)?.[0] ?? '';
    const route = ROUTES.has(segment) ? segment : 'other';
    this.httpSeconds.observe({ route, status: String(status) }, seconds);
  }

  webhookAttempt(outcome: 'succeeded' | 'retrying' | 'failed'): void {
    this.webhookAttempts.inc({ outcome });
  }

  rateLimitStoreFailed(): void {
    this.storeFailures.inc();
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'invalid';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }
}
