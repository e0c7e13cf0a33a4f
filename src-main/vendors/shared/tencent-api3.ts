import type { ErrorCode, LocalizedText } from '@contract';
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
  message: LocalizedText;
}

const rule = (code: ErrorCode, retryable: boolean, en: string, zh: string): ErrorRule => ({ code, retryable, message: { en, 'zh-CN': zh } });

/** The common error codes every API 3.0 product may return (spec §1.9). */
export const COMMON_ERRORS: Record<string, ErrorRule> = {
  ActionOffline: rule('UNSUPPORTED', false, 'This API has been taken offline.', '该接口已下线。'),
  'AuthFailure.InvalidAuthorization': rule('VENDOR_AUTH', false, 'The Authorization header was not accepted.', '请求头 Authorization 不符合腾讯云标准。'),
  'AuthFailure.InvalidSecretId': rule('VENDOR_AUTH', false, 'The SecretId is not a cloud API key.', '密钥非云 API 密钥类型。'),
  'AuthFailure.MFAFailure': rule('VENDOR_AUTH', false, 'MFA verification failed.', 'MFA 校验失败。'),
  'AuthFailure.SecretIdNotFound': rule(
    'VENDOR_AUTH',
    false,
    'The SecretId does not exist or is disabled. Check it for stray spaces.',
    '密钥不存在或已被禁用，请检查 SecretId 是否有多余空格。',
  ),
  'AuthFailure.SignatureExpire': rule(
    'VENDOR_CLOCK_SKEW',
    true,
    'The request timestamp differs from Tencent Cloud time by more than 5 minutes. Check the system clock.',
    '请求时间戳与腾讯云服务器时间相差超过 5 分钟，请检查本机时间。',
  ),
  'AuthFailure.SignatureFailure': rule(
    'VENDOR_AUTH',
    false,
    'Tencent Cloud rejected the signature. Check the SecretId and SecretKey.',
    '腾讯云签名校验失败，请检查 SecretId 和 SecretKey。',
  ),
  'AuthFailure.TokenFailure': rule('VENDOR_AUTH', false, 'The session token is invalid.', '临时证书 Token 无效。'),
  'AuthFailure.UnauthorizedOperation': rule('VENDOR_AUTH', false, 'CAM has not authorised this request for the key.', '该密钥未获得 CAM 授权。'),
  DryRunOperation: rule('VENDOR_INVALID_PARAMETER', false, 'The request would have succeeded (DryRun).', '请求将会成功（DryRun）。'),
  FailedOperation: rule('VENDOR_STATE', false, 'Tencent Cloud could not perform the operation.', '操作失败。'),
  InternalError: rule('VENDOR_INTERNAL', true, 'Tencent Cloud reported an internal error.', '腾讯云内部错误。'),
  InvalidAction: rule('UNSUPPORTED', false, 'Tencent Cloud does not know this API.', '接口不存在。'),
  InvalidParameter: rule('VENDOR_INVALID_PARAMETER', false, 'Tencent Cloud rejected a parameter.', '参数错误。'),
  InvalidParameterValue: rule('VENDOR_INVALID_PARAMETER', false, 'Tencent Cloud rejected a parameter value.', '参数取值错误。'),
  InvalidRequest: rule('VENDOR_INVALID_PARAMETER', false, 'The request body is malformed.', '请求体格式错误。'),
  IpInBlacklist: rule('VENDOR_SERVICE', false, 'This IP address is blocked by Tencent Cloud.', '当前 IP 在黑名单中。'),
  IpNotInWhitelist: rule('VENDOR_SERVICE', false, 'This IP address is not in the allow-list.', '当前 IP 不在白名单中。'),
  LimitExceeded: rule('VENDOR_LIMIT', false, 'A Tencent Cloud quota was exceeded.', '超过配额限制。'),
  MissingParameter: rule('VENDOR_INVALID_PARAMETER', false, 'A required parameter is missing.', '缺少必填参数。'),
  NoSuchProduct: rule('UNSUPPORTED', false, 'The product does not exist.', '产品不存在。'),
  NoSuchVersion: rule('UNSUPPORTED', false, 'The API version does not exist.', '接口版本不存在。'),
  RequestLimitExceeded: rule('VENDOR_RATE_LIMITED', true, 'Tencent Cloud throttled the request.', '请求频率超过限制。'),
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': rule('VENDOR_RATE_LIMITED', true, 'The main account exceeded its rate limit.', '主账号超过频率限制。'),
  'RequestLimitExceeded.IPLimitExceeded': rule('VENDOR_RATE_LIMITED', true, 'This IP exceeded its rate limit.', 'IP 限频。'),
  'RequestLimitExceeded.UinLimitExceeded': rule('VENDOR_RATE_LIMITED', true, 'The main account exceeded its rate limit.', '主账号限频。'),
  RequestSizeLimitExceeded: rule('VENDOR_INVALID_PARAMETER', false, 'The request is too large.', '请求包超过限制大小。'),
  ResourceInUse: rule('VENDOR_STATE', false, 'The resource is in use.', '资源被占用。'),
  ResourceInsufficient: rule('VENDOR_LIMIT', false, 'Resources are insufficient.', '资源不足。'),
  ResourceNotFound: rule('VENDOR_TASK_NOT_FOUND', false, 'The resource does not exist.', '资源不存在。'),
  ResourceUnavailable: rule('VENDOR_SERVICE', false, 'The resource is unavailable.', '资源不可用。'),
  ResponseSizeLimitExceeded: rule('VENDOR_BAD_RESPONSE', false, 'The response is too large.', '返回包超过限制大小。'),
  ServiceUnavailable: rule('VENDOR_INTERNAL', true, 'The service is temporarily unavailable.', '服务暂时不可用。'),
  UnauthorizedOperation: rule('VENDOR_SERVICE', false, 'The operation is not authorised.', '未授权操作。'),
  UnknownParameter: rule('VENDOR_INVALID_PARAMETER', false, 'Tencent Cloud does not know a parameter we sent.', '存在未定义的参数。'),
  UnsupportedOperation: rule('VENDOR_STATE', false, 'The operation is not supported now.', '操作不支持。'),
  UnsupportedProtocol: rule('VENDOR_BAD_RESPONSE', false, 'The HTTP method is not supported.', 'HTTP 请求方法不支持。'),
  UnsupportedRegion: rule(
    'VENDOR_SERVICE',
    false,
    'This API is not available in the configured region. Check the account region.',
    '该接口不支持所配置的地域，请检查账号的地域设置。',
  ),
};

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
    rule('VENDOR_INTERNAL', false, 'Tencent Cloud answered with an unknown error.', '腾讯云返回了未知错误。')
  );
}

/** An AppFailure for one Tencent error answer; the vendor's code, message and RequestId go into details. */
export function tencentError(code: string, message: string, requestId: string | null, product: Record<string, ErrorRule>, extra: Record<string, unknown> = {}): AppFailure {
  const r = errorRuleFor(code, product);
  return new AppFailure(
    r.code,
    { en: `${r.message.en} (${code})`, 'zh-CN': `${r.message['zh-CN']}（${code}）` },
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
        { en: `Tencent Cloud answered with HTTP ${res.status}.`, 'zh-CN': `腾讯云返回 HTTP ${res.status}。` },
        { retryable: false, details: { httpStatus: res.status } },
      );
    }
    const parsed = parseJsonObject(res.data);
    const response = parsed['Response'];
    if (!response || typeof response !== 'object' || Array.isArray(response)) {
      throw new AppFailure(
        'VENDOR_BAD_RESPONSE',
        { en: 'Tencent Cloud answered without a Response object.', 'zh-CN': '腾讯云返回内容缺少 Response 字段。' },
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
