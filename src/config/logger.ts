/** Structured JSON logs (pino). Secrets are redacted wherever they appear. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'gdpr-rights-graph' },
    redact: [
      'req.headers.authorization',
      'headers.authorization',
      '*.password',
      'password',
      'apiKey',
      'secret',
    ],
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
