import { randomBytes } from 'node:crypto';
import { msg, tiwMsg, type RecordingRequest, type VendorStatus } from '@contract';
import { redactDeep, type ClockSkewStore } from '../shared/http';
import type { RateLimiter } from '../shared/rate-limiter';
import { createApi3Caller, type Api3Call } from '../shared/tencent-api3';
import { AppFailure } from '../../errors/app-failure';
import { TIW_API } from './api';
import { tiwLane } from './rates';
import { TIW_ERRORS } from './errors';
import { failedRecordStatus, mapDescribeOnlineRecord } from './map';
import { defaultRecordUserId, toStartOnlineRecordBody } from './request';
import { genUserSig } from './usersig';

/** Options of {@link createTiwClient}. Secrets stay inside the client; nothing returned carries them. */
export interface TiwClientOptions {
  /** `https://tiw.tencentcloudapi.com` or the Sandbox's `http://127.0.0.1:PORT/tencent-tiw`. */
  baseUrl: string;
  sdkAppId: number;
  region: string;
  secretId: string;
  secretKey: string;
  /** IM SDK secret key; lets the client generate RecordUserSig itself. */
  sdkSecretKey?: string | null;
  limiter: RateLimiter;
  skew: ClockSkewStore;
  timeoutMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Per-call options: priority, and where the call's redacted request/response pair goes. */
export type TiwCallOptions = Api3Call;

/** The result of a start: the vendor task id and the body as sent, with secrets redacted. */
export interface TiwStartResult {
  taskId: string;
  requestId: string;
  sentBody: Record<string, unknown>;
}

const SECRET_BODY_KEYS = new Set(['RecordUserSig', 'CallbackKey']);

/** Creates a TIW online-recording client (TC3-signed, through the shared limiter). */
export function createTiwClient(options: TiwClientOptions) {
  const now = options.now ?? Date.now;
  const caller = createApi3Caller({
    baseUrl: options.baseUrl,
    service: TIW_API.service,
    version: TIW_API.version,
    region: options.region,
    secretId: options.secretId,
    secretKey: options.secretKey,
    limiter: options.limiter,
    skew: options.skew,
    timeoutMs: options.timeoutMs,
    lane: (action) => tiwLane(options.sdkAppId, action),
    productErrors: TIW_ERRORS,
    now,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    secretParams: SECRET_BODY_KEYS,
  });

  const taskCall = async (action: string, taskId: string, opts: TiwCallOptions) => {
    const { requestId } = await caller.call(action, { SdkAppId: options.sdkAppId, TaskId: taskId }, opts);
    return { requestId };
  };

  return {
    /** Fills RecordUserId/RecordUserSig and starts a recording of an already validated request. */
    async startOnlineRecord(request: RecordingRequest, opts: TiwCallOptions & { recordUserSig?: string | null }): Promise<TiwStartResult> {
      const recordUserId = request.tiw.recordUserId ?? defaultRecordUserId(request.roomId, randomBytes(4).toString('hex'));
      let recordUserSig = opts.recordUserSig ?? null;
      if (!recordUserSig) {
        if (!options.sdkSecretKey) {
          throw new AppFailure(
            'SECRET_MISSING',
            tiwMsg('vendor.tencent-tiw.error.userSigMissing'),
            { details: { field: 'sdkSecretKey' } },
          );
        }
        recordUserSig = genUserSig({
          sdkAppId: options.sdkAppId,
          sdkSecretKey: options.sdkSecretKey,
          identifier: recordUserId,
          nowSec: Math.floor(now() / 1000),
        });
      }
      const body = toStartOnlineRecordBody(request, { sdkAppId: options.sdkAppId, recordUserId, recordUserSig });
      const { response, requestId } = await caller.call('StartOnlineRecord', body, opts);
      const taskId = response['TaskId'];
      if (typeof taskId !== 'string' || taskId === '') {
        throw new AppFailure(
          'VENDOR_BAD_RESPONSE',
          tiwMsg('vendor.tencent-tiw.error.noTaskId'),
          { retryable: false, details: { requestId, mayHaveReachedVendor: true } },
        );
      }
      return { taskId, requestId, sentBody: redactDeep(body, SECRET_BODY_KEYS) };
    },
    stopOnlineRecord: (taskId: string, opts: TiwCallOptions) => taskCall('StopOnlineRecord', taskId, opts),
    pauseOnlineRecord: (taskId: string, opts: TiwCallOptions) => taskCall('PauseOnlineRecord', taskId, opts),
    resumeOnlineRecord: (taskId: string, opts: TiwCallOptions) => taskCall('ResumeOnlineRecord', taskId, opts),

    /**
     * The task's status. FailedOperation.Record is how TIW reports a failed task, so it becomes a
     * `failed` status rather than an error.
     */
    async describeOnlineRecord(taskId: string, opts: TiwCallOptions): Promise<{ status: VendorStatus; requestId: string }> {
      try {
        const { response, requestId } = await caller.call('DescribeOnlineRecord', { SdkAppId: options.sdkAppId, TaskId: taskId }, opts);
        return { status: mapDescribeOnlineRecord(response), requestId };
      } catch (e) {
        if (e instanceof AppFailure && e.details['vendorCode'] === 'FailedOperation.Record') {
          return { status: failedRecordStatus(String(e.details['vendorMessage'] ?? '')), requestId: String(e.details['requestId'] ?? '') };
        }
        throw e;
      }
    },

    async describeOnlineRecordCallback(opts: TiwCallOptions): Promise<{ callback: string; callbackKeySet: boolean; requestId: string }> {
      const { response, requestId } = await caller.call('DescribeOnlineRecordCallback', { SdkAppId: options.sdkAppId }, opts);
      // The key authenticates callbacks; like every secret it does not leave this process.
      return { callback: typeof response['Callback'] === 'string' ? response['Callback'] : '', callbackKeySet: Boolean(response['CallbackKey']), requestId };
    },
    /** Sets the result callback URL; `''` deletes it. */
    async setOnlineRecordCallback(callback: string, opts: TiwCallOptions): Promise<{ requestId: string }> {
      const { requestId } = await caller.call('SetOnlineRecordCallback', { SdkAppId: options.sdkAppId, Callback: callback }, opts);
      return { requestId };
    },
    /** Sets the callback signing key (≤ 64 chars); `''` deletes it. */
    async setOnlineRecordCallbackKey(callbackKey: string, opts: TiwCallOptions): Promise<{ requestId: string }> {
      if (callbackKey.length > 64) {
        throw new AppFailure('VALIDATION', tiwMsg('vendor.tencent-tiw.error.callbackKeyLength'), {
          details: { issues: [{ path: 'callbackKey', severity: 'error', message: msg('field.maxChars', { max: 64 }) }] },
        });
      }
      const { requestId } = await caller.call('SetOnlineRecordCallbackKey', { SdkAppId: options.sdkAppId, CallbackKey: callbackKey }, opts);
      return { requestId };
    },

    /** "Test connection": one cheap signed read. Throws the mapped AppFailure on any failure. */
    async ping(opts: TiwCallOptions = { priority: 'operator' }): Promise<{ requestId: string }> {
      const { requestId } = await caller.call('DescribeOnlineRecordCallback', { SdkAppId: options.sdkAppId }, opts);
      return { requestId };
    },
  };
}
