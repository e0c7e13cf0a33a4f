import type { RecordingRequest } from '@contract';
import { redactDeep, type ClockSkewStore } from '../shared/http';
import type { RateLimiter } from '../shared/rate-limiter';
import { createApi3Caller, type Api3Call } from '../shared/tencent-api3';
import { AppFailure } from '../../errors/app-failure';
import { TRRO_API } from './api';
import { TRRO_ERRORS } from './errors';
import { checkModifyCallbackUrl, taskIdFromCreate } from './map';
import { trroLane } from './rates';
import { toCreateCloudRecordingBody, type TrroStorage } from './request';

export interface TrroClientOptions {
  /** `https://trro.tencentcloudapi.com` or the Sandbox's `http://127.0.0.1:PORT/tencent-trro`. */
  baseUrl: string;
  projectId: string;
  /** Optional for TRRO: X-TC-Region is sent only when set. */
  region?: string | null;
  secretId: string;
  secretKey: string;
  limiter: RateLimiter;
  skew: ClockSkewStore;
  timeoutMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Per-call options: priority, and where the call's redacted request/response pair goes. */
export type TrroCallOptions = Api3Call;

const SECRET_BODY_KEYS = new Set(['AccessKey', 'SecretKey', 'SignKey']);

/** Creates a TRRO cloud-recording client. TRRO has no status query: progress comes from callbacks. */
export function createTrroClient(options: TrroClientOptions) {
  const caller = createApi3Caller({
    baseUrl: options.baseUrl,
    service: TRRO_API.service,
    version: TRRO_API.version,
    region: options.region ?? null,
    secretId: options.secretId,
    secretKey: options.secretKey,
    limiter: options.limiter,
    skew: options.skew,
    timeoutMs: options.timeoutMs,
    lane: (action) => trroLane(options.projectId, action),
    productErrors: TRRO_ERRORS,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    secretParams: SECRET_BODY_KEYS,
  });

  async function deleteCloudRecording(taskId: string, opts: TrroCallOptions): Promise<{ requestId: string }> {
    const { requestId } = await caller.call('DeleteCloudRecording', { TaskId: taskId }, opts);
    return { requestId };
  }

  return {
    /** Starts a recording of the request's device stream into the storage target (the request is already validated). */
    async createCloudRecording(
      request: RecordingRequest,
      storage: TrroStorage,
      opts: TrroCallOptions,
    ): Promise<{ taskId: string; requestId: string; sentBody: Record<string, unknown> }> {
      const body = toCreateCloudRecordingBody(request, options.projectId, storage);
      const { response, requestId } = await caller.call('CreateCloudRecording', body, opts);
      return { taskId: taskIdFromCreate(response, requestId), requestId, sentBody: redactDeep(body, SECRET_BODY_KEYS) };
    },
    /** Stops a recording; uploading may continue and is reported by callback. */
    deleteCloudRecording,
    /** Sets the project's recording/relay callback URL and, optionally, its signing key. */
    async modifyCallbackUrl(url: string, signKey: string | null | undefined, opts: TrroCallOptions): Promise<{ requestId: string }> {
      const params: Record<string, unknown> = { ProjectId: options.projectId, CallbackUrl: url };
      if (signKey) params['SignKey'] = signKey;
      const { response, requestId } = await caller.call('ModifyCallbackUrl', params, opts);
      checkModifyCallbackUrl(response, requestId);
      return { requestId };
    },
    /**
     * "Test connection". TRRO has no read-only recording API, so this deletes a task id that cannot
     * exist: a signed call that changes nothing. Auth, clock and region failures surface as usual; the
     * expected "no such task" answer means the credentials work.
     */
    async ping(opts: TrroCallOptions = { priority: 'operator' }): Promise<{ requestId: string }> {
      try {
        return await deleteCloudRecording('recdeck-connection-test', opts);
      } catch (e) {
        if (e instanceof AppFailure && ['InvalidParameterValue', 'ResourceNotFound'].includes(String(e.details['vendorCode']))) {
          return { requestId: String(e.details['requestId'] ?? '') };
        }
        throw e;
      }
    },
  };
}
