/**
 * The export endpoints:
 *   GET /export/rights-matrix.csv?asOf=YYYY-MM-DD[&purpose=id][&companies=a,b][&rights=OBJECT,...]
 *   GET /export/graph.jsonld
 * The CSV runs the API's own rightsMatrix query as the caller; the JSON-LD reads the graph
 * through the db layer, after the API has said the caller may read, once for all the requests
 * that arrive while it runs.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '../../config';
import type { Database } from '../../db';
import { AppError, type ErrorCode } from '../../errors';
import type { GraphQLExecutor } from './executor';
import { graphJsonLd } from './graph.jsonld';
import { rightsMatrixCsv } from './rights-matrix.csv';
import { SharedExport } from './shared-export';
import { parseRightsMatrixParams, type RawValue } from './rights-matrix.params';

export interface ExportRouterOptions {
  db: Database;
  /**
   * Runs GraphQL for this HTTP request as /graphql would run it for the same caller (its
   * Authorization header, the API's context and plugins).
   */
  executorFor(req: Request, requestId: string): Promise<GraphQLExecutor> | GraphQLExecutor;
  /** Where failures the client is not told about are logged, with the request id. */
  logger?: Logger;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
};

/**
 * Errors answer as GraphQL does ({errors: [{message, extensions: {code}}]}), with an HTTP
 * status. Anything but an AppError with a client code is logged and answered "internal error".
 */
function sendError(res: Response, error: unknown, logger: Logger | undefined): void {
  const expected = error instanceof AppError && error.code !== 'INTERNAL_SERVER_ERROR';
  if (!expected) {
    logger?.error(
      { err: error, requestId: res.getHeader('x-request-id') },
      'an export failed unexpectedly',
    );
  }
  const appError = expected ? error : new AppError('INTERNAL_SERVER_ERROR', 'internal error');
  res.status(STATUS[appError.code] ?? 500).json({
    errors: [
      { message: appError.message, extensions: { ...appError.extensions, code: appError.code } },
    ],
  });
}

/**
 * Streams an export's chunks to the client, waiting while its socket is full. A failure before
 * the first chunk answers as an error; after it the status is sent, so the response is cut
 * short instead (the client sees an incomplete body, never a complete-looking file).
 */
async function send(
  res: Response,
  chunks: AsyncIterable<string | Buffer>,
  logger: Logger | undefined,
): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  try {
    await pipeline(
      Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            yield next.value;
          }
        })(),
      ),
      res,
    );
  } catch (error) {
    // A client that hangs up early is not a failure of ours.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      logger?.error(
        { err: error, requestId: res.getHeader('x-request-id') },
        'an export failed while streaming',
      );
    }
  } finally {
    await iterator.return?.();
  }
}

/** A query-string value as text; nested forms (a[b]=c) are not parameters of the export. */
function queryValue(value: unknown): RawValue {
  if (value === undefined || typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new AppError('BAD_USER_INPUT', 'query parameters must be plain text values');
}

/** A trivial operation: answers with an error exactly when the API would refuse this caller. */
const ACCESS_PROBE = 'query ExportAccess { __typename }';

export function exportRouter(options: ExportRouterOptions): Router {
  const router = express.Router();
  // The graph is the same for every reader who may read it: the requests that arrive while it
  // is being exported share that export (shared-export.ts), spooled under TMPDIR.
  const graph = new SharedExport(() => graphJsonLd(options.db));

  const executor = async (req: Request, res: Response): Promise<GraphQLExecutor> => {
    // The server names every request (x-request-id); without it, the export names its own.
    const given = res.getHeader('x-request-id');
    const requestId = typeof given === 'string' ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    return options.executorFor(req, requestId);
  };

  router.get('/export/rights-matrix.csv', async (req, res) => {
    try {
      const params = parseRightsMatrixParams({
        asOf: queryValue(req.query.asOf),
        purpose: queryValue(req.query.purpose),
        companies: queryValue(req.query.companies),
        rights: queryValue(req.query.rights),
      });
      const { chunks, asOf } = await rightsMatrixCsv(await executor(req, res), params);
      res
        .type('text/csv; charset=utf-8; header=present')
        .set('content-disposition', `attachment; filename="rights-matrix-${asOf}.csv"`);
      await send(res, chunks, options.logger);
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  router.get('/export/graph.jsonld', async (req, res) => {
    try {
      const probe = await (await executor(req, res))({ query: ACCESS_PROBE });
      const refused = probe.errors?.[0];
      if (refused) {
        const code = refused.extensions?.code;
        throw new AppError(
          code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'INTERNAL_SERVER_ERROR',
          refused.message,
        );
      }
      res
        .type('application/ld+json; charset=utf-8')
        .set('content-disposition', 'inline; filename="gdpr-rights-graph.jsonld"');
      await send(res, graph.read(), options.logger);
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  return router;
}
