/**
 * The Atom feeds, for people who follow changes in a feed reader:
 *   GET /feeds/companies/:id.atom
 * A feed answers whoever the API would let read (PUBLIC_READS, or a key in Authorization),
 * counts against the same rate limit as every route (server.ts mounts it after the limiter),
 * and answers 304 to a reader whose copy is current (If-Modified-Since).
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '../../config';
import type { Database } from '../../db';
import { AppError, type ErrorCode } from '../../errors';
import { notHeld } from '../translate/named-ids';
import { renderAtom } from './atom';
import { companyAtomFeed, FEED_ENTRIES, feedPath } from './company-feed';
import { companyFeed } from './feeds.store';

export interface FeedRouterOptions {
  db: Database;
  logger: Logger;
  /** Why this request may not read (a bad key, no key where reads are not public), or null. */
  admit(req: Request): Promise<Error | null>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
};

/** Longer ids name no company; refused before any query. */
const MAX_ID_LENGTH = 256;

export function feedRouter(options: FeedRouterOptions): Router {
  const router = express.Router();

  router.get('/feeds/companies/:id.atom', async (req, res) => {
    try {
      const refused = await options.admit(req);
      if (refused) throw refused;
      const id = req.params.id;
      const found =
        id.length <= MAX_ID_LENGTH ? await companyFeed(options.db, id, FEED_ENTRIES) : null;
      if (!found) throw new AppError('NOT_FOUND', notHeld('Company', [id]));
      const self = `${req.protocol}://${req.get('host') ?? 'localhost'}${feedPath(found.company.id)}`;
      const feed = companyAtomFeed(found.company, found.entries, self);
      // HTTP dates have whole seconds.
      const lastModified = Math.floor(feed.updated.getTime() / 1000) * 1000;
      const since = Date.parse(req.get('if-modified-since') ?? '');
      res.set('last-modified', new Date(lastModified).toUTCString());
      if (!Number.isNaN(since) && since >= lastModified) {
        res.status(304).end();
        return;
      }
      res.type('application/atom+xml; charset=utf-8').send(renderAtom(feed));
    } catch (error) {
      sendError(res, error, options.logger);
    }
  });

  return router;
}

/**
 * Errors answer as the API's do ({errors: [{message, extensions: {code}}]}) with their HTTP
 * status; anything unexpected is logged and answered "internal error".
 */
function sendError(res: Response, error: unknown, logger: Logger): void {
  const expected = error instanceof AppError && STATUS[error.code] !== undefined;
  if (!expected)
    logger.error({ err: error, requestId: res.getHeader('x-request-id') }, 'a feed failed');
  const appError = expected ? error : new AppError('INTERNAL_SERVER_ERROR', 'internal error');
  // The HTTP status a refusal carries for Apollo is said by the response itself.
  const extensions: Record<string, unknown> = { ...appError.extensions };
  delete extensions.http;
  res.status(STATUS[appError.code] ?? 500).json({
    errors: [{ message: appError.message, extensions: { ...extensions, code: appError.code } }],
  });
}
