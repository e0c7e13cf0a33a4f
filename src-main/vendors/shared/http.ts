import axios, { isAxiosError, type AxiosInstance } from 'axios';
import { msg } from '@contract';
import { AppFailure } from '../../errors/app-failure';

/**
 * The axios instance of one vendor client (one per account connection, which the connection cache
 * keeps). Bodies come back as text and each client parses them itself, so a body that is not JSON
 * becomes VENDOR_BAD_RESPONSE rather than an axios error. HTTP 4xx resolve because vendors put their
 * error codes in 4xx bodies; 5xx reject (toTransportError makes them VENDOR_BAD_RESPONSE). Redirects
 * are not followed.
 */
export function createVendorHttp(options: { baseURL: string; timeoutMs: number }): AxiosInstance {
  const loopback = isLoopback(options.baseURL);
  return axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: (status) => status < 500,
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true },
    // An environment proxy must never see Sandbox traffic, which carries real-shaped signatures.
    ...(loopback ? { proxy: false as const } : {}),
  });
}

function isLoopback(baseURL: string): boolean {
  try {
    const host = new URL(baseURL).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

/** Remembered server-clock offsets, per endpoint, in whole seconds (server − local). */
export interface ClockSkewStore {
  get(endpoint: string): number;
  set(endpoint: string, offsetSeconds: number): void;
}

/** An in-memory {@link ClockSkewStore}; an unknown endpoint has offset 0. */
export function createClockSkewStore(): ClockSkewStore {
  const offsets = new Map<string, number>();
  return {
    get(endpoint) {
      return offsets.get(endpoint) ?? 0;
    },
    set(endpoint, offsetSeconds) {
      if (offsetSeconds === 0) offsets.delete(endpoint);
      else offsets.set(endpoint, offsetSeconds);
    },
  };
}

/**
 * Server minus local time in whole seconds, from an HTTP `Date` header (second resolution), or null
 * when the header is missing or unparsable.
 */
export function offsetFromDateHeader(dateHeader: string | null | undefined, localNowMs: number): number | null {
  if (!dateHeader) return null;
  const serverMs = Date.parse(dateHeader);
  if (Number.isNaN(serverMs)) return null;
  return Math.round((serverMs - localNowMs) / 1000);
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
/** Failures that happen before any byte of the request can have reached the vendor. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Turns whatever a vendor HTTP call threw into a secret-free {@link AppFailure}. Nothing from the
 * axios config, headers or URL is copied: they carry signatures and keys. `details.mayHaveReachedVendor`
 * tells callers of non-idempotent actions whether they must reconcile before retrying.
 */
export function toTransportError(e: unknown): AppFailure {
  if (e instanceof AppFailure) return e;
  if (!isAxiosError(e)) {
    return new AppFailure(
      'VENDOR_BAD_RESPONSE',
      msg('error.transport.unexpected'),
      { retryable: false, details: { mayHaveReachedVendor: true } },
    );
  }
  const code = e.code ?? '';
  const status = e.response?.status;
  if (status !== undefined && status >= 500) {
    // 503 Service Unavailable is a refusal before the service handled the request (RFC 9110 §15.6.4);
    // any other 5xx may come after it acted (a gateway timeout, a crash mid-request).
    return new AppFailure(
      'VENDOR_BAD_RESPONSE',
      msg('error.transport.http5xx', { status }),
      { retryable: true, details: { httpStatus: status, mayHaveReachedVendor: status !== 503 } },
    );
  }
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
    return new AppFailure(
      'VENDOR_TIMEOUT',
      msg('error.transport.timeout'),
      { retryable: true, details: { transportCode: code, mayHaveReachedVendor: true } },
    );
  }
  if (UNREACHABLE_CODES.has(code) || /socket hang up/i.test(e.message)) {
    const neverSent = NEVER_SENT_CODES.has(code);
    return new AppFailure(
      'VENDOR_UNREACHABLE',
      neverSent
        ? msg('error.transport.unreachable')
        : msg('error.transport.dropped'),
      { retryable: true, details: { transportCode: code || 'ECONNRESET', mayHaveReachedVendor: !neverSent } },
    );
  }
  return new AppFailure(
    'VENDOR_BAD_RESPONSE',
    msg('error.transport.unreadable'),
    { retryable: true, details: { transportCode: code || null, mayHaveReachedVendor: true } },
  );
}

/** VENDOR_BAD_RESPONSE for a body that is not JSON or lacks what the action must return. */
export function badResponseError(): AppFailure {
  return new AppFailure(
    'VENDOR_BAD_RESPONSE',
    msg('error.transport.badBody'),
    { retryable: true, details: { mayHaveReachedVendor: true } },
  );
}

/** Parses a vendor response body as a JSON object, or throws {@link badResponseError}. */
export function parseJsonObject(text: unknown): Record<string, unknown> {
  if (typeof text === 'string') {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // falls through to the error below
    }
  }
  throw badResponseError();
}

/**
 * A deep copy of `value` in which every property named in `secretKeys` holds `"***"`. Stored copies
 * of requests (history, inspector) go through this.
 */
export function redactDeep<T>(value: T, secretKeys: ReadonlySet<string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, secretKeys)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = secretKeys.has(k) && v !== undefined && v !== null && v !== '' ? '***' : redactDeep(v, secretKeys);
    }
    return out as T;
  }
  return value;
}
