import type { VendorId } from '@contract';
import type { VendorCall, VendorDeps } from '../adapter';
import type { Api3Call, Api3Exchange } from './tencent-api3';
import { trimBase } from './preview';

/** Tencent error codes that say what is wrong with an account when testing its connection. */
export const TENCENT_PING_FAILURES = {
  UnsupportedRegion: 'wrong-region',
  'InvalidParameterValue.Region': 'wrong-region',
  'AuthFailure.SecretIdNotFound': 'bad-credentials',
  'AuthFailure.SignatureFailure': 'bad-credentials',
} as const;

/** A connection call as an API 3.0 call: its exchange reaches the caller's sink as the inspector's record. */
export function api3Call(vendor: VendorId, baseUrl: string, call: VendorCall): Api3Call {
  const sink = call.onExchange;
  if (!sink) return { priority: call.priority };
  return {
    priority: call.priority,
    onExchange: (e: Api3Exchange) =>
      sink({
        vendor,
        action: e.action,
        at: e.at,
        durationMs: e.durationMs,
        requestId: e.requestId,
        request: { method: 'POST', url: `${trimBase(baseUrl)}/`, body: e.request },
        response: e.response,
        httpStatus: e.httpStatus,
        errorCode: e.errorCode,
      }),
  };
}

/** The headers of a preview's cURL line, the signature-bearing ones as placeholders. */
export function tencentHeaders(api: { service: string; version: string }, action: string, region: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: '<TC3 AUTHORIZATION>',
    'Content-Type': 'application/json',
    'X-TC-Action': action,
    'X-TC-Version': api.version,
    'X-TC-Timestamp': '<TIMESTAMP>',
  };
  if (region) headers['X-TC-Region'] = region;
  return headers;
}

/** What both Tencent clients take from the process-wide vendor services. */
export function tencentClientDeps(deps: VendorDeps) {
  return {
    limiter: deps.limiter,
    skew: deps.skew,
    timeoutMs: deps.timeoutMs,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  };
}
