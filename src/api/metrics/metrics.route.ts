/**
 * GET /metrics, for operators. It tells how the API is used (operation names, rates, errors),
 * which is not for the public, so it needs a token, or a caller on this machine:
 *
 * - with METRICS_TOKEN set, a scraper sends `Authorization: Bearer <METRICS_TOKEN>` (compared
 *   in constant time); anything else is refused 401;
 * - without it, only loopback callers (127.0.0.0/8, ::1) are answered, others 403.
 *
 * The API keys are not used for it: a scraper needs no key that could also read or write.
 * Like every route it counts against the rate limit of the caller's address (a scrape every
 * 15 s is 4 requests a minute of the 300).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { sendJson } from '../graphql-endpoint';
import type { ApiMetrics } from './metrics';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const digest = (value: string) => createHash('sha256').update(value).digest();

export function metricsRoute(metrics: ApiMetrics, token: string | undefined) {
  const expected = token ? digest(`Bearer ${token}`) : null;
  return async (req: Request, res: Response): Promise<void> => {
    if (expected) {
      // Hashes of equal length, so that the comparison takes the same time whatever was sent.
      if (!timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        sendJson(res, 401, {
          errors: [
            {
              message: '/metrics needs Authorization: Bearer <METRICS_TOKEN>',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        });
        return;
      }
    } else if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) {
      sendJson(res, 403, {
        errors: [
          {
            message:
              '/metrics answers only this machine; set METRICS_TOKEN to scrape from elsewhere',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      return;
    }
    res.setHeader('content-type', metrics.contentType);
    res.setHeader('cache-control', 'no-store');
    res.end(await metrics.scrape());
  };
}
