/**
 * Signed deliveries, in Stripe's scheme: `X-GDPR-Graph-Signature: t=<unix seconds>,v1=<hex>`
 * where the hex is HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes, prefix
 * included), of `<t>.<raw body>`. The timestamp is signed too, so a receiver that checks it
 * against its clock refuses a captured delivery replayed later.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-gdpr-graph-signature';
export const DELIVERY_HEADER = 'x-gdpr-graph-delivery';
export const EVENT_HEADER = 'x-gdpr-graph-event';

/** Five minutes, as Stripe's libraries default to. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new webhook secret: 32 random bytes, with a prefix that says what it is. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmacHex(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The signature header's value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, body: string | Buffer, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/**
 * Whether `header` (the X-GDPR-Graph-Signature value) signs `body` with `secret`, at a time
 * within `toleranceSeconds` of now. `body` must be the raw bytes received, before any JSON
 * parsing. Several v1 entries are accepted (any may match), so that a sender can sign with two
 * secrets while one replaces the other.
 */
export function verifySignature(
  secret: string,
  header: string | undefined | null,
  body: string | Buffer,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  if (!header) return false;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  return signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
}
