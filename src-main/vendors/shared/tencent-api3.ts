import { tencentMsg, type ErrorCode, type Message } from '@contract';
import type { ClockSkewStore } from './http';
import { createVendorHttp, offsetFromDateHeader, parseJsonObject, redactDeep, toTransportError } from './http';
import type { RateLane, RateLimiter, RequestPriority } from './rate-limiter';
import { tc3Headers } from './tc3';
import { AppFailure } from '../../errors/app-failure';

/**
 * The TencentCloud API 3.0 call loop shared by the TIW and TRRO clients: TC3 signing with the
 * remembered clock offset, the shared limiter, one re-sign on AuthFailure.SignatureExpire, bounded
 * backoff on RequestLimitExceeded, and the `{"Response": …}` envelope turned into data or a
 * {@link AppFailure}.
 */

/** How one Tencent error code becomes a RecDeck error. */
export interface ErrorRule {
  code: ErrorCode;
  retryable: boolean;
  message: Message;
}

/** What a Tencent error code means to RecDeck; its text is in the catalogues. */
export function verdict(code: ErrorCode, retryable: boolean): Omit<ErrorRule, 'message'> {
  return { code, retryable };
}

/** A table of Tencent error codes, each with its text at `<prefix>.<error code>` in the catalogues. */
export function errorTable(prefix: string, verdicts: Record<string, Omit<ErrorRule, 'message'>>): Record<string, ErrorRule> {
  return Object.fromEntries(Object.entries(verdicts).map(([code, v]) => [code, { ...v, message: { key: `${prefix}.${code}` } }]));
}

/** The common error codes every API 3.0 product may return (docs/vendors/tencent-api3.md §5). */
export const COMMON_ERRORS = errorTable('tencent.error', {
  ActionOffline: verdict('UNSUPPORTED', false),
  'AuthFailure.InvalidAuthorization': verdict('VENDOR_AUTH', false),
  'AuthFailure.InvalidSecretId': verdict('VENDOR_AUTH', false),
  'AuthFailure.MFAFailure': verdict('VENDOR_AUTH', false),
  'AuthFailure.SecretIdNotFound': verdict('VENDOR_AUTH', false),
  'AuthFailure.SignatureExpire': verdict('VENDOR_CLOCK_SKEW', true),
  'AuthFailure.SignatureFailure': verdict('VENDOR_AUTH', false),
  'AuthFailure.TokenFailure': verdict('VENDOR_AUTH', false),
  'AuthFailure.UnauthorizedOperation': verdict('VENDOR_AUTH', false),
  DryRunOperation: verdict('VENDOR_INVALID_PARAMETER', false),
  FailedOperation: verdict('VENDOR_STATE', false),
  InternalError: verdict('VENDOR_INTERNAL', true),
  InvalidAction: verdict('UNSUPPORTED', false),
  InvalidParameter: verdict('VENDOR_INVALID_PARAMETER', false),
  InvalidParameterValue: verdict('VENDOR_INVALID_PARAMETER', false),
  InvalidRequest: verdict('VENDOR_INVALID_PARAMETER', false),
  IpInBlacklist: verdict('VENDOR_SERVICE', false),
  IpNotInWhitelist: verdict('VENDOR_SERVICE', false),
  LimitExceeded: verdict('VENDOR_LIMIT', false),
  MissingParameter: verdict('VENDOR_INVALID_PARAMETER', false),
  NoSuchProduct: verdict('UNSUPPORTED', false),
  NoSuchVersion: verdict('UNSUPPORTED', false),
  RequestLimitExceeded: verdict('VENDOR_RATE_LIMITED', true),
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': verdict('VENDOR_RATE_LIMITED', true),
  'RequestLimitExceeded.IPLimitExceeded': verdict('VENDOR_RATE_LIMITED', true),
  'RequestLimitExceeded.UinLimitExceeded': verdict('VENDOR_RATE_LIMITED', true),
  RequestSizeLimitExceeded: verdict('VENDOR_INVALID_PARAMETER', false),
  ResourceInUse: verdict('VENDOR_STATE', false),
  ResourceInsufficient: verdict('VENDOR_LIMIT', false),
  ResourceNotFound: verdict('VENDOR_TASK_NOT_FOUND', false),
  ResourceUnavailable: verdict('VENDOR_SERVICE', false),
  ResponseSizeLimitExceeded: verdict('VENDOR_BAD_RESPONSE', false),
  ServiceUnavailable: verdict('VENDOR_INTERNAL', true),
  UnauthorizedOperation: verdict('VENDOR_SERVICE', false),
  UnknownParameter: verdict('VENDOR_INVALID_PARAMETER', false),
  UnsupportedOperation: verdict('VENDOR_STATE', false),
  UnsupportedProtocol: verdict('VENDOR_BAD_RESPONSE', false),
  UnsupportedRegion: verdict('VENDOR_SERVICE', false),
});

/**
 * The rule for a code: the product's exact entry, the common exact entry, then the product's and the
 * common entry of the code's first segment (`InvalidParameter.X` → `InvalidParameter`).
 */
export function errorRuleFor(code: string, product: Record<string, ErrorRule>): ErrorRule {
  const head = code.split('.')[0] ?? code;
  return (
    product[code] ??
    COMMON_ERRORS[code] ??
    product[head] ??
    COMMON_ERRORS[head] ??
    { code: 'VENDOR_INTERNAL', retryable: false, message: tencentMsg('tencent.error.unknown') }
  );
}

/** An AppFailure for one Tencent error answer; the vendor's code, message and RequestId go into details. */
export function tencentError(code: string, message: string, requestId: string | null, product: Record<string, ErrorRule>, extra: Record<string, unknown> = {}): AppFailure {
  const r = errorRuleFor(code, product);
  return new AppFailure(
    r.code,
    tencentMsg('tencent.error.withCode', { text: r.message, code }),
    { retryable: r.retryable, details: { vendorCode: code, vendorMessage: message, requestId, ...extra } },
  );
}

export interface Api3CallerOptions {
  /** `http://127.0.0.1:PORT/tencent-tiw` or `https://tiw.tencentcloudapi.com`. */
  baseUrl: string;
  service: string;
  version: string;
  region: string | null;
  secretId: string;
  secretKey: string;
  limiter: RateLimiter;
  skew: ClockSkewStore;
  timeoutMs: number;
  /** The limiter lane of one action (key and documented rate), from the vendor's rate table. */
  lane(action: string): RateLane;
  productErrors: Record<string, ErrorRule>;
  now?: () => number;
  /** Waits between RequestLimitExceeded retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  maxRateLimitRetries?: number;
  /** Parameter names (at any depth) whose values never leave the caller unredacted: the exchange log sees `***`. */
  secretParams?: ReadonlySet<string>;
}

/** One call's own options: who is asking, and where its redacted request/response pair goes, success or not. */
export interface Api3Call {
  priority: RequestPriority;
  onExchange?: (exchange: Api3Exchange) => void;
}

/** One API 3.0 call as the exchange log keeps it: secrets redacted, signature headers left out. */
export interface Api3Exchange {
  action: string;
  at: number;
  durationMs: number;
  requestId: string | null;
  /** The JSON parameters as sent, secret parameters as `***`. */
  request: Record<string, unknown>;
  /** The `Response` object as received (secret fields redacted), or null when none arrived. */
  response: Record<string, unknown> | null;
  httpStatus: number | null;
  errorCode: string | null;
}

/** One successful answer: the `Response` object without `RequestId`, and the RequestId. */
export interface Api3Answer {
  response: Record<string, unknown>;
  requestId: string;
}

/** Server time in UNIX seconds from the SignatureExpire message (`… the server time 1700000000.`). */
export function serverTimeFromMessage(message: string): number | null {
  const m = /server time[^0-9]*(\d{9,11})/i.exec(message);
  return m ? Number(m[1]) : null;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Creates the signed caller for one Tencent endpoint and key pair. */
export function createApi3Caller(options: Api3CallerOptions): {
  call(action: string, params: Record<string, unknown>, call: Api3Call): Promise<Api3Answer>;
} {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const maxRetries = options.maxRateLimitRetries ?? 3;
  const http = createVendorHttp({ baseURL: options.baseUrl, timeoutMs: options.timeoutMs });
  // Signed exactly as the official Node and Go SDKs do: `content-type;host`, host without port. The
  // emulator accepts that, and the SDK's own Sign.sign3 reproduces our Authorization byte for byte.
  const host = new URL(options.baseUrl).hostname;
  const skewKey = options.baseUrl;

  async function once(action: string, body: string, priority: RequestPriority, seen: { httpStatus: number | null }) {
    const lane = options.lane(action);
    await options.limiter.acquire(lane.laneKey, lane.ratePerSecond, priority);
    const timestamp = Math.floor(now() / 1000) + options.skew.get(skewKey);
    const headers = tc3Headers({
      method: 'POST',
      host,
      service: options.service,
      contentType: 'application/json',
      payload: body,
      timestamp,
      secretId: options.secretId,
      secretKey: options.secretKey,
      version: options.version,
      headerAction: action,
      region: options.region,
    });
    let res;
    try {
      res = await http.post<string>('/', body, { headers });
    } catch (e) {
      throw toTransportError(e);
    }
    seen.httpStatus = res.status;
    if (res.status !== 200) {
      throw new AppFailure(
        'VENDOR_BAD_RESPONSE',
        tencentMsg('tencent.error.httpStatus', { status: res.status }),
        { retryable: false, details: { httpStatus: res.status } },
      );
    }
    const parsed = parseJsonObject(res.data);
    const response = parsed['Response'];
    if (!response || typeof response !== 'object' || Array.isArray(response)) {
      throw new AppFailure(
        'VENDOR_BAD_RESPONSE',
        tencentMsg('tencent.error.noResponse'),
        { retryable: true, details: { mayHaveReachedVendor: true } },
      );
    }
    const dateHeader = res.headers['date'];
    return { response: response as Record<string, unknown>, dateHeader: typeof dateHeader === 'string' ? dateHeader : null };
  }

  return {
    async call(action, params, { priority, onExchange }) {
      const body = JSON.stringify(params);
      const secretParams = options.secretParams ?? new Set<string>();
      const seen: { httpStatus: number | null } = { httpStatus: null };
      const started = now();
      const exchange: Api3Exchange = {
        action,
        at: started,
        durationMs: 0,
        requestId: null,
        request: onExchange ? redactDeep(params, secretParams) : {},
        response: null,
        httpStatus: null,
        errorCode: null,
      };
      try {
        let resigned = false;
        for (let attempt = 0; ; attempt += 1) {
          const { response, dateHeader } = await once(action, body, priority, seen);
          exchange.response = redactDeep(response, secretParams);
          const requestId = typeof response['RequestId'] === 'string' ? response['RequestId'] : null;
          exchange.requestId = requestId;
          const error = response['Error'] as { Code?: unknown; Message?: unknown } | undefined;
          if (!error) {
            const { RequestId: _omit, ...rest } = response;
            return { response: rest, requestId: requestId ?? '' };
          }
          const code = typeof error.Code === 'string' ? error.Code : 'InternalError';
          const message = typeof error.Message === 'string' ? error.Message : '';
          if (code === 'AuthFailure.SignatureExpire') {
            const serverSec = serverTimeFromMessage(message);
            const offset = serverSec !== null ? serverSec - Math.floor(now() / 1000) : offsetFromDateHeader(dateHeader, now());
            if (!resigned && offset !== null) {
              options.skew.set(skewKey, offset);
              resigned = true;
              continue;
            }
            throw tencentError(code, message, requestId, options.productErrors, { offsetSeconds: offset });
          }
          if (code.startsWith('RequestLimitExceeded') && attempt < maxRetries) {
            await sleep(250 * 2 ** attempt);
            continue;
          }
          throw tencentError(code, message, requestId, options.productErrors);
        }
      } catch (e) {
        exchange.errorCode = e instanceof AppFailure ? String(e.details['vendorCode'] ?? e.code) : 'VENDOR_BAD_RESPONSE';
        throw e;
      } finally {
        exchange.httpStatus = seen.httpStatus;
        exchange.durationMs = now() - started;
        onExchange?.(exchange);
      }
    },
  };
}
