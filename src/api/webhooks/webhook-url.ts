/**
 * Where a webhook may point. Any key holder can make the API send requests, so the API must not
 * become a way into the networks it sits in (server-side request forgery): by default it sends
 * only to public addresses, checked on the address it actually connects to (after DNS, so a
 * name that resolves to 127.0.0.1 or 169.254.169.254 is refused too), and never follows
 * redirects. Tests and local development allow private addresses explicitly.
 */
import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { AppError } from '../../errors';

export const MAX_URL_LENGTH = 2048;

/** Checks a webhook URL's form; returns it normalised (as the WHATWG URL parser writes it). */
export function checkWebhookUrl(raw: string): string {
  const refuse = (why: string) =>
    new AppError('BAD_USER_INPUT', `url ${why}`, { argument: 'input.url' });
  const text = raw.trim();
  if (text.length === 0)
    throw refuse('is empty: give an http(s) URL such as https://example.org/hooks/gdpr');
  if (text.length > MAX_URL_LENGTH)
    throw refuse(`is ${text.length} characters long; at most ${MAX_URL_LENGTH} are allowed`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse(`"${text.slice(0, 200)}" is not an absolute URL (expected https://host/path)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw refuse(`must use http or https, not "${url.protocol.replace(/:$/, '')}"`);
  if (url.username || url.password)
    throw refuse(
      'must not carry a user name or password: authenticate deliveries by their signature',
    );
  if (url.hostname === '') throw refuse('has no host');
  url.hash = '';
  return url.toString();
}

/**
 * Addresses that are not on the public internet: this host, private networks, link-local
 * (cloud metadata services), carrier-grade NAT, multicast and reserved ranges (IANA special
 * purpose registries).
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is not a public one (IPv4-mapped IPv6 addresses are read as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  return PRIVATE.check(address, 'ipv6');
}

export class PrivateAddressError extends Error {
  override readonly name = 'PrivateAddressError';
  constructor(host: string, address: string) {
    super(
      `not sent: ${host} is ${address === host ? 'a' : `${address}, a`} private or reserved address, and this API delivers only to public addresses`,
    );
  }
}

/**
 * A DNS lookup for http.request that refuses private addresses, so that the address checked
 * is the address connected to (no second resolution between check and connection).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    if (addresses.length === 0) {
      callback(new Error(`${hostname} has no address`), '', 0);
      return;
    }
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) {
      callback(new PrivateAddressError(hostname, refused.address), '', 0);
      return;
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
