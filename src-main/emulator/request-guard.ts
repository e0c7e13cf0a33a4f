import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isBrowserRequest } from '../loopback/browser';

/** Why the Sandbox refuses a request before reading its body; `ok` lets it through. */
export type GuardVerdict = 'ok' | 'forbidden-host' | 'browser-originated' | 'unauthorized';

/** The answer each refusal gets. */
export const REFUSALS: Record<Exclude<GuardVerdict, 'ok'>, { status: number; error: string }> = {
  'forbidden-host': { status: 403, error: 'forbidden host' },
  'browser-originated': { status: 403, error: 'browser requests are refused' },
  unauthorized: { status: 401, error: 'missing or wrong control token' },
};

/** A fresh control-API token (256 random bits, URL-safe). */
export function newControlToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The Sandbox's gate, the same rules as the browser host: the Host header must name this port on
 * loopback (a DNS-rebinding page sends its own host name), and the control API, which can replace
 * secrets and move the clock, also refuses anything a browser sent (an `Origin` header, or a
 * `Sec-Fetch-Site` other than `none`: a cross-site form post needs neither CORS nor a preflight)
 * and wants the per-launch bearer token. Vendor paths stay token-free, as the vendors' APIs are:
 * their requests are signed.
 */
export function createRequestGuard(token: string): (headers: IncomingHttpHeaders, port: number, control: boolean) => GuardVerdict {
  const expected = Buffer.from(`Bearer ${token}`);
  return (headers, port, control) => {
    if (headers.host !== `127.0.0.1:${port}` && headers.host !== `localhost:${port}`) return 'forbidden-host';
    if (!control) return 'ok';
    if (isBrowserRequest(headers)) return 'browser-originated';
    const given = Buffer.from(headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'unauthorized';
  };
}
