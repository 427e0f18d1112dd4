/**
 * The WebSocket door (graphql-ws at the GraphQL path) under the rules of the HTTP one, through
 * graphql-ws's own hooks and the same functions:
 *
 * - a message is at most the body limit (ws `maxPayload`: a larger one closes the socket, 1009);
 * - connecting counts against the rate limit, then the key in the `authorization` connection
 *   parameter is checked (`admission`, as HTTP: a bad key, or no key where reads are not
 *   public, closes the socket with 4403 before any query is read);
 * - each operation counts against the rate limit, then is parsed with the token limit,
 *   validated with the same rules (introspection switch, introspection's bound), and checked
 *   for depth, aliases and cost (`checkQueryLimits`) before it runs;
 * - errors are formatted and masked by `formatError`, and the unexpected ones logged with the
 *   operation's request id (`reportErrors`);
 * - revoking a key closes its open sockets within `keyRecheckMs`, and at once when the
 *   revocation is announced (auth/revocations.ts: every replica hears it through Redis).
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  execute,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { type Extra, useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../config';
import type { Database } from '../../db';
import { AppError } from '../../errors';
import { activeKeyIds } from '../auth/api-keys.store';
import { admission } from '../auth/auth.plugin';
import type { Authenticator, Caller } from '../auth/authenticate';
import type { KeyRevocations } from '../auth/revocations';
import type { ApiContext } from '../context';
import { formatError, reportErrors } from '../format-error';
import { byResponseKey } from '../translate/answered';
import { checkJsonDepth } from './json-depth';
import { checkQueryLimits, type QueryLimits, validationRules } from './query-limits';
import type { RateLimit } from './rate-limit';

/** graphql-ws's close codes for a refused connection (graphql-ws CloseCode). */
const FORBIDDEN = 4403;
const TOO_MANY_REQUESTS = 4429;
const INTERNAL_ERROR = 4500;
/** WebSocket's own "Try Again Later" (RFC 6455 registry). */
const TRY_AGAIN_LATER = 1013;

export interface WebSocketGateOptions {
  server: http.Server;
  path: string;
  schema: GraphQLSchema;
  limits: QueryLimits & { maxBodyBytes: number; introspection: boolean };
  rateLimit: RateLimit | null;
  publicReads: boolean;
  development: boolean;
  /** Who presents this Authorization value (a key lookup, cached). */
  identify(authorization: string | undefined): Promise<Caller>;
  /** The context of one operation of a caller. */
  contextFor(caller: Caller, requestId: string): ApiContext;
  authenticator: Authenticator;
  db: Database;
  logger: Logger;
  /** How often the keys of open sockets are checked for revocation. */
  keyRecheckMs: number;
  /** Revocations announced by other processes: their keys' sockets close at once. */
  revocations?: KeyRevocations;
  /** Told of each operation admitted ('ok') or refused (its error code), for /metrics. */
  onOperation?(operationName: string | undefined, outcome: string): void;
}

export interface WebSocketGate {
  /** Sockets open now (admitted or not yet). */
  connections(): number;
  dispose(): Promise<void>;
}

type GateContext = Context<Record<string, unknown> | undefined, Extra>;

interface Connection {
  caller: Caller;
  authorization: string | undefined;
  /** The context of each operation under way, by operation id, for its errors' log lines. */
  operations: Map<string, ApiContext>;
}

/** A close reason: WebSocket allows 123 bytes. */
function reason(text: string): string {
  const bytes = Buffer.from(text);
  return bytes.length <= 123 ? text : `${bytes.subarray(0, 120).toString('utf8')}...`;
}

/** A graphql-js error with the code Apollo gives the same failure over HTTP. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

export function webSocketGate(options: WebSocketGateOptions): WebSocketGate {
  const { schema, limits, rateLimit, logger } = options;
  const format = formatError(options.development);
  const rules = [...specifiedRules, ...validationRules(limits.introspection)];
  const connections = new WeakMap<GateContext, Connection>();
  /** Open sockets by the key they authenticated with. */
  const socketsByKey = new Map<string, Set<WebSocket>>();

  const wsServer = new WebSocketServer({
    server: options.server,
    path: options.path,
    maxPayload: limits.maxBodyBytes,
  });

  /** Parses, validates and checks an operation as Apollo and queryLimitsPlugin do over HTTP. */
  const admit = (
    payload: { query: string; operationName?: string | null; variables?: unknown },
    context: ApiContext,
  ): ExecutionArgs | readonly GraphQLError[] => {
    let document;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      if (error instanceof GraphQLError) return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
      throw error;
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length > 0) return invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) {
      return [
        new AppError(
          'BAD_USER_INPUT',
          'the document names no operation, or several and no operationName',
        ),
      ];
    }
    const variables = (payload.variables ?? {}) as Record<string, unknown>;
    const fragments = document.definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
    );
    checkQueryLimits(schema, operation, fragments, variables, limits);
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: variables,
      contextValue: context,
    };
  };

  /** How a refused connection is closed: the code and reason a client can act on. */
  const closing = (refused: Error | null): [number, string] => {
    const code = refused instanceof AppError ? refused.code : null;
    if (code === 'RATE_LIMITED') return [TOO_MANY_REQUESTS, reason(refused!.message)];
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN')
      return [FORBIDDEN, reason(`${code}: ${refused!.message}`)];
    if (code === 'DATABASE_UNAVAILABLE') return [TRY_AGAIN_LATER, reason(refused!.message)];
    logger.error({ err: refused }, 'a WebSocket connection failed');
    return [INTERNAL_ERROR, 'internal error'];
  };

  const formatted = (errors: readonly GraphQLError[]) => errors.map((e) => format(e.toJSON(), e));

  const serverCleanup = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      // Subscription answers are shaped by response key, like every compiled answer.
      execute: (args) => execute({ ...args, fieldResolver: byResponseKey }),
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        const given = ctx.connectionParams?.authorization;
        const authorization = typeof given === 'string' ? given : undefined;
        let refused: Error | null;
        let caller: Caller | null = null;
        try {
          await rateLimit?.take(authorization, ctx.extra.request);
          caller = await options.identify(authorization);
          refused = admission({ ...caller, publicReads: options.publicReads });
        } catch (error) {
          refused = error instanceof Error ? error : new Error(String(error));
        }
        if (refused || !caller) {
          socket.close(...closing(refused));
          return false;
        }
        connections.set(ctx, { caller, authorization, operations: new Map() });
        const keyId = caller.principal?.keyId;
        if (keyId) {
          const sockets = socketsByKey.get(keyId) ?? new Set();
          socketsByKey.set(keyId, sockets.add(socket));
        }
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = connections.get(ctx);
        // graphql-ws only passes operations on once onConnect has let the socket in.
        if (!connection)
          return [new AppError('UNAUTHENTICATED', 'the connection was not admitted')];
        const context = options.contextFor(connection.caller, randomUUID());
        const outcome = (errors: readonly GraphQLError[]) => {
          const code = errors[0]?.extensions?.code;
          options.onOperation?.(
            payload.operationName ?? undefined,
            typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
          );
          return errors;
        };
        try {
          await rateLimit?.take(connection.authorization, ctx.extra.request);
          checkJsonDepth(payload.variables, 'the variables');
          checkJsonDepth(payload.extensions, 'the extensions');
          const admitted = admit(payload, context);
          if (Array.isArray(admitted)) return outcome(admitted as readonly GraphQLError[]);
          connection.operations.set(id, context);
          options.onOperation?.(payload.operationName ?? undefined, 'ok');
          return admitted;
        } catch (error) {
          if (error instanceof GraphQLError) return outcome([error]);
          reportErrors(
            [
              new GraphQLError('the operation could not be admitted', {
                originalError: error as Error,
              }),
            ],
            context.logger,
          );
          return outcome([new AppError('INTERNAL_SERVER_ERROR', 'internal error')]);
        }
      },
      onNext: (ctx, id, _payload, args, result) => {
        if (!result.errors) return;
        const context =
          (args.contextValue as ApiContext | undefined) ?? connections.get(ctx)?.operations.get(id);
        reportErrors(result.errors, context?.logger ?? logger);
        return { ...result, errors: formatted(result.errors) };
      },
      onError: (ctx, id, _payload, errors) => {
        const operations = connections.get(ctx)?.operations;
        reportErrors(errors, operations?.get(id)?.logger ?? logger);
        operations?.delete(id);
        return formatted(errors);
      },
      onComplete: (ctx, id) => {
        connections.get(ctx)?.operations.delete(id);
      },
      onClose: (ctx) => {
        const keyId = connections.get(ctx)?.caller.principal?.keyId;
        const sockets = keyId ? socketsByKey.get(keyId) : undefined;
        if (!keyId || !sockets) return;
        sockets.delete(ctx.extra.socket);
        if (sockets.size === 0) socketsByKey.delete(keyId);
      },
    },
    wsServer,
  );

  // graphql-ws logs a socket's errors to the console; they are the client's (a message over
  // maxPayload, a bad frame), and ws closes the socket itself (1009, 1002): the log says so.
  wsServer.on('connection', (socket: WebSocket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) => {
      logger.info({ err: error }, 'a WebSocket client sent what the API refuses; socket closed');
    });
  });

  /** Closes the sockets of revoked keys, and forgets them. */
  const closeSocketsOf = (revoked: readonly string[]): void => {
    for (const id of revoked) {
      for (const socket of socketsByKey.get(id) ?? []) {
        socket.close(FORBIDDEN, 'UNAUTHENTICATED: this API key has been revoked');
      }
      socketsByKey.delete(id);
    }
  };
  const stopHearing = options.revocations?.onRevoked((keyId) => closeSocketsOf([keyId]));

  // A revocation is written to Neo4j by whoever revokes (`npm run keys -- revoke` is another
  // process, and other replicas serve the same keys); without Redis this process is never told
  // of it: it asks, for the keys of its open sockets only, in one query per interval.
  let checking = false;
  const recheckKeys = async (): Promise<void> => {
    if (checking || socketsByKey.size === 0) return;
    checking = true;
    try {
      const ids = [...socketsByKey.keys()];
      const active = await activeKeyIds(options.db, ids);
      const revoked = ids.filter((id) => !active.has(id));
      options.authenticator.forget(revoked);
      closeSocketsOf(revoked);
    } catch (error) {
      logger.warn({ err: error }, 'could not check the keys of open WebSocket connections');
    } finally {
      checking = false;
    }
  };
  const recheck = setInterval(() => void recheckKeys(), options.keyRecheckMs);
  recheck.unref();

  return {
    connections: () => wsServer.clients.size,
    async dispose() {
      clearInterval(recheck);
      stopHearing?.();
      await serverCleanup.dispose();
    },
  };
}
