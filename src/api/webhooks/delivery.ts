/**
 * One attempt at a delivery: a signed POST, bounded in time, that never follows redirects.
 * node:http rather than fetch: its `lookup` hook lets the address connected to be the address
 * checked (webhook-url.ts), and each attempt has its own connection (no keep-alive sockets
 * left open to a receiver).
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { VERSION } from '../../config';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';
import { isPrivateAddress, PrivateAddressError, publicOnlyLookup } from './webhook-url';

export interface DeliveryRequest {
  url: string;
  secret: string;
  deliveryId: string;
  /** The event's wire name (incidentRecorded...). */
  event: string;
  body: string;
}

export interface AttemptOutcome {
  at: Date;
  /** The receiver's HTTP status; null when no response came. */
  statusCode: number | null;
  /** Why no 2xx: no response (refused, timed out...) or the status; null on success. */
  error: string | null;
  durationMs: number;
  ok: boolean;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivateAddresses: boolean;
}

const USER_AGENT = `gdpr-rights-graph-webhooks/${VERSION}`;

export async function sendDelivery(
  request: DeliveryRequest,
  options: SendOptions,
): Promise<AttemptOutcome> {
  const at = new Date();
  const started = performance.now();
  const outcome = (statusCode: number | null, error: string | null): AttemptOutcome => ({
    at,
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
    ok: error === null,
  });
  try {
    const statusCode = await post(request, options, Math.floor(at.getTime() / 1000));
    if (statusCode >= 200 && statusCode < 300) return outcome(statusCode, null);
    return outcome(
      statusCode,
      statusCode >= 300 && statusCode < 400
        ? `answered ${statusCode}: redirects are not followed; register the final URL`
        : `answered ${statusCode}`,
    );
  } catch (error) {
    return outcome(null, describe(error, options.timeoutMs));
  }
}

function post(request: DeliveryRequest, options: SendOptions, timestamp: number): Promise<number> {
  const url = new URL(request.url);
  // An IP literal is connected to without a lookup, so it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateAddresses && isIP(host) !== 0 && isPrivateAddress(host))
    return Promise.reject(new PrivateAddressError(host, host));
  const body = Buffer.from(request.body, 'utf8');
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        agent: false,
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': body.length,
          'user-agent': USER_AGENT,
          [EVENT_HEADER]: request.event,
          [DELIVERY_HEADER]: request.deliveryId,
          [SIGNATURE_HEADER]: signatureHeader(request.secret, body, timestamp),
        },
      },
      (res) => {
        // The answer's body is not kept: only its status counts.
        res.resume();
        res.on('error', () => undefined);
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A short, stable reason for the log: what a subscriber needs to fix their receiver. Errors
 * are read by their fields, not `instanceof` (node's own errors may come from another realm).
 */
function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof PrivateAddressError) return error.message;
  const e = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  // Connecting to several addresses of a name fails with each: the first says why.
  const first = Array.isArray(e.errors)
    ? (e.errors[0] as { code?: unknown } | undefined)
    : undefined;
  const code =
    typeof e.code === 'string' ? e.code : typeof first?.code === 'string' ? first.code : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || code === 'ABORT_ERR')
    return `no answer within ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return `TLS error (${code})`;
  return (code ? `${code}: ${message}` : message).slice(0, 300);
}
