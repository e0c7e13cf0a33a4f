import { randomUUID } from 'node:crypto';
import type { VirtualClock } from '../clock';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import { hostCandidates, parseAuthorization, utcDate, verifyTc3 } from '../../vendors/shared/tc3';

/**
 * The part every emulated TencentCloud API 3.0 product shares: TC3 verification in the order the
 * docs suggest (docs/vendors/tencent-api3.md §5), the `{"Response": …}` envelope with HTTP 200, per-API rate limits, and the
 * decoding of POST JSON / GET query parameters. Written from docs/vendors/tencent-api3.md §2–§5, independent of the client.
 */

/** Max |now − X-TC-Timestamp| in seconds ("相差不得超过五分钟"), applied symmetrically [INFERRED]. */
export const SIGNATURE_WINDOW_SEC = 300;

/** A product error the handlers throw; the gate turns it into the error envelope. */
export class Api3Error extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One accepted call, after authentication, rate limiting and body decoding. */
export interface Api3Call {
  action: string;
  secretId: string;
  region: string | null;
  params: Record<string, unknown>;
  /** GET parameters arrive as strings; type checks coerce them. */
  fromQuery: boolean;
}

/** What a product emulator tells the gate about itself. */
export interface Api3GateOptions {
  service: string;
  version: string;
  actions: readonly string[];
  regionRequired: boolean;
  /** Regions the product accepts; null = any well-formed region. */
  regions: readonly string[] | null;
  ratePerSecond: number;
  clock: VirtualClock;
  secretKeyFor(secretId: string): string | null;
}

/** The error envelope, HTTP 200 as the real API does even for auth failures. */
export function api3Error(clock: VirtualClock, code: string, message: string): EmulatorResponse {
  return envelope(clock, { Error: { Code: code, Message: message } });
}

/** A success envelope. */
export function api3Ok(clock: VirtualClock, fields: Record<string, unknown>): EmulatorResponse {
  return envelope(clock, fields);
}

function envelope(clock: VirtualClock, fields: Record<string, unknown>): EmulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', date: new Date(clock.now()).toUTCString() },
    body: JSON.stringify({ Response: { ...fields, RequestId: randomUUID() } }),
  };
}

/** Runs a product action and wraps its answer, or the {@link Api3Error} it threw, in the envelope. */
export function api3Answer(clock: VirtualClock, run: () => Record<string, unknown>): EmulatorResponse {
  try {
    return api3Ok(clock, run());
  } catch (e) {
    if (e instanceof Api3Error) return api3Error(clock, e.code, e.message);
    return api3Error(clock, 'InternalError', 'Internal error.');
  }
}

/** The throttling answer (also what the Sandbox's rate-limit-storm fault returns). */
export function api3RateLimited(clock: VirtualClock): EmulatorResponse {
  return api3Error(clock, 'RequestLimitExceeded', 'Your current request times equals to `20` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.');
}

/** Creates the gate; `check` answers either an accepted call or the ready-made error response. */
export function createApi3Gate(options: Api3GateOptions): {
  check(request: EmulatorRequest): { ok: true; call: Api3Call } | { ok: false; response: EmulatorResponse };
} {
  const sent = new Map<string, number[]>();
  const fail = (code: string, message: string) => ({ ok: false as const, response: api3Error(options.clock, code, message) });

  function rateLimited(key: string): boolean {
    const now = options.clock.now();
    const times = (sent.get(key) ?? []).filter((t) => t > now - 1000);
    if (times.length >= options.ratePerSecond) {
      sent.set(key, times);
      return true;
    }
    times.push(now);
    sent.set(key, times);
    return false;
  }

  return {
    check(request) {
      const method = request.method.toUpperCase();
      if (method !== 'GET' && method !== 'POST') return fail('UnsupportedProtocol', `Request method ${method} is not supported; use GET or POST.`);
      const h = request.headers;
      const auth = parseAuthorization(h['authorization']);
      if (!auth) return fail('AuthFailure.InvalidAuthorization', 'Authorization header is not in TencentCloud standard format.');
      const action = h['x-tc-action'] ?? '';
      if (!options.actions.includes(action)) return fail('InvalidAction', `The action \`${action}\` is not supported or not valid.`);
      const version = h['x-tc-version'] ?? '';
      if (version !== options.version) return fail('NoSuchVersion', `The version \`${version}\` of action \`${action}\` does not exist.`);
      const secretKey = options.secretKeyFor(auth.secretId);
      if (secretKey === null) return fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');
      const tsText = h['x-tc-timestamp'] ?? '';
      if (!/^\d{1,12}$/.test(tsText)) return fail('MissingParameter', 'The request is missing a valid `Timestamp` (X-TC-Timestamp).');
      const timestamp = Number(tsText);
      const serverSec = Math.floor(options.clock.now() / 1000);
      if (Math.abs(serverSec - timestamp) > SIGNATURE_WINDOW_SEC) {
        return fail(
          'AuthFailure.SignatureExpire',
          `Signature expired. Please use local time and enable NTP service for time synchronization to avoid a deviation between \`Timestamp\` and the server time ${serverSec}.`,
        );
      }
      const badSignature = 'The provided credentials could not be validated. Please check your signature is correct.';
      if (auth.date !== utcDate(timestamp) || auth.service !== options.service) return fail('AuthFailure.SignatureFailure', badSignature);
      const query = method === 'GET' ? request.url.search.replace(/^\?/, '') : '';
      const verified = verifyTc3({
        method,
        query,
        headers: h,
        rawBody: method === 'GET' ? Buffer.alloc(0) : request.rawBody,
        auth,
        timestamp,
        secretKey,
        hostCandidates: hostCandidates(h['host']),
      });
      if (!verified) return fail('AuthFailure.SignatureFailure', badSignature);
      const region = h['x-tc-region'] ?? null;
      if (region === null || region === '') {
        if (options.regionRequired) return fail('MissingParameter', 'The request is missing a required parameter `Region`.');
      } else if (options.regions !== null && !options.regions.includes(region)) {
        return fail('UnsupportedRegion', `The action \`${action}\` does not support the region \`${region}\`.`);
      }
      if (rateLimited(`${auth.secretId}:${action}`)) return { ok: false, response: api3RateLimited(options.clock) };
      let params: Record<string, unknown>;
      if (method === 'GET') {
        params = unflattenQuery(request.url.searchParams);
      } else {
        const contentType = (h['content-type'] ?? '').toLowerCase();
        if (!contentType.startsWith('application/json')) return fail('InvalidParameter', 'The request body must be JSON (Content-Type: application/json).');
        let parsed: unknown;
        try {
          parsed = request.rawBody.length === 0 ? {} : JSON.parse(request.rawBody.toString('utf8'));
        } catch {
          return fail('InvalidParameter', 'The request body is not valid JSON.');
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail('InvalidParameter', 'The request body must be a JSON object.');
        params = parsed as Record<string, unknown>;
      }
      return { ok: true, call: { action, secretId: auth.secretId, region: region || null, params, fromQuery: method === 'GET' } };
    },
  };
}

/** `Obj.Field=1&List.0=a` → `{Obj:{Field:'1'}, List:['a']}` (values stay strings; Action/Version are common params). */
export function unflattenQuery(search: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (key === 'Action' || key === 'Version') continue;
    const parts = key.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1] as string);
      const container = node as Record<string, unknown>;
      if (last) {
        container[part] = value;
        return;
      }
      if (container[part] === undefined) container[part] = nextIsIndex ? [] : {};
      node = container[part] as Record<string, unknown>;
    });
  }
  return root;
}
