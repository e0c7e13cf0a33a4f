import type { AxiosResponse } from 'axios';
import { zegoMsg, type FieldIssue, type MixSettings, type RecordingRequest, type VendorStatus } from '@contract';
import { badResponseError, createVendorHttp, offsetFromDateHeader, parseJsonObject, toTransportError, type ClockSkewStore } from '../shared/http';
import type { RateLimiter, RequestPriority } from '../shared/rate-limiter';
import { AppFailure } from '../../errors/app-failure';
import type { VendorStartOutcome } from '../adapter';
import { startOutcomeUnknown } from '../../errors/start-outcome';
import { zegoError } from './errors';
import { mapZegoStatus } from './map';
import { zegoLane, type ZegoAction } from './rates';
import { buildStartRecordBody, layoutToZego, redactZegoBody, type ZegoBody, type ZegoStorage } from './request';
import { signZegoRequest } from './sign';

/** One request/response pair, secrets redacted, for the inspector and history. */
export interface ZegoCallRecord {
  action: ZegoAction;
  at: number;
  durationMs: number;
  requestId: string | null;
  request: ZegoBody;
  /** Parsed response, or null when there was none or it was not JSON. */
  response: Record<string, unknown> | null;
  errorCode: string | null;
}

/** Options of every call: who is asking, and where the call's redacted record goes (the task it belongs to). */
export interface ZegoCallOptions {
  priority: RequestPriority;
  onExchange?: (record: ZegoCallRecord) => void;
}

export interface ZegoClientOptions {
  /** `https://cloudrecord-api.zego.im` or the Sandbox's `http://127.0.0.1:PORT/zego`. */
  baseUrl: string;
  appId: number | string;
  serverSecret: string;
  /** Sends `IsTest=true|false` when set; omitted when null (projects after 2021-11-16). */
  isTest: boolean | null;
  limiter: RateLimiter;
  skew: ClockSkewStore;
  timeoutMs?: number;
  now?: () => number;
}


/** One row of DescribeTasks. */
export interface ZegoTaskSummary {
  taskId: string;
  roomId: string;
  status: number;
  startedAt: number | null;
}

/** DescribeTasks query; times are epoch ms. */
export interface ZegoTaskQuery {
  status: 2 | 3;
  roomId?: string;
  startTime: number;
  endTime: number;
  pageOffset?: number;
  pageSize?: number;
}

/** DescribeTasks accepts a window of at most 3 days that starts no earlier than 3 days ago (docs/vendors/zego.md §4.6). */
const LIST_WINDOW_MS = 3 * 86_400_000;
/** The window ends this far past `asOf`, so a task started on a clock slightly ahead of ours is listed. */
const LIST_END_SLACK_MS = 60_000;
/**
 * The window starts this far inside the 3 days, so the pages of one sweep, sent later with the same
 * window, are still accepted; a sweep older than this starts over. No task runs that long (24 h at most).
 */
export const LIST_START_SLACK_MS = 10 * 60_000;
/** DescribeTasks' largest page. */
export const LIST_PAGE_SIZE = 50;

interface CallResult {
  requestId: string;
  data: Record<string, unknown> | null;
  raw: Record<string, unknown>;
}

function validationError(issues: FieldIssue[]): AppFailure {
  return new AppFailure('VALIDATION', zegoMsg('vendor.zego.error.ruleBroken'), { details: { issues } });
}

/**
 * A ZEGO Cloud Recording v2 client. Every call goes through the shared limiter, is signed afresh,
 * corrects once for clock skew, and throws only {@link AppFailure}.
 */
export function createZegoClient(options: ZegoClientOptions) {
  const now = options.now ?? Date.now;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const http = createVendorHttp({ baseURL: baseUrl, timeoutMs: options.timeoutMs ?? 10_000 });
  const isTest = options.isTest ?? false;

  async function send(action: ZegoAction, body: ZegoBody): Promise<{ response: AxiosResponse<string>; sentAt: number }> {
    const sentAt = now();
    const timestamp = Math.floor(sentAt / 1000) + options.skew.get(baseUrl);
    const params: Record<string, string> = { Action: action, ...signZegoRequest(options.appId, options.serverSecret, timestamp) };
    if (options.isTest !== null) params['IsTest'] = String(options.isTest);
    try {
      const response = await http.post<string>(`/?${new URLSearchParams(params).toString()}`, JSON.stringify(body), {
        headers: { 'Content-Type': 'application/json;charset=utf-8' },
      });
      return { response, sentAt };
    } catch (e) {
      throw toTransportError(e);
    }
  }

  async function call(action: ZegoAction, body: ZegoBody, opts: ZegoCallOptions, correctSkew = true): Promise<CallResult> {
    const lane = zegoLane(options.appId, action, isTest);
    await options.limiter.acquire(lane.laneKey, lane.ratePerSecond, opts.priority);
    const started = now();
    const record: ZegoCallRecord = { action, at: started, durationMs: 0, requestId: null, request: redactZegoBody(body), response: null, errorCode: null };
    try {
      const first = await send(action, body);
      let parsed = parseJsonObject(first.response.data);
      if (parsed['Code'] === 100000004) {
        const offset = offsetFromDateHeader(headerOf(first.response, 'date'), first.sentAt);
        if (offset === null || !correctSkew) throw skewError(offset, parsed);
        options.skew.set(baseUrl, offset);
        parsed = parseJsonObject((await send(action, body)).response.data);
        if (parsed['Code'] === 100000004) throw skewError(offset, parsed);
      }
      record.response = parsed;
      const requestId = typeof parsed['RequestId'] === 'string' ? parsed['RequestId'] : String(parsed['RequestId'] ?? '');
      record.requestId = requestId || null;
      const code = parsed['Code'];
      if (typeof code !== 'number') throw badResponseError();
      if (code !== 0) throw zegoError(code, typeof parsed['Message'] === 'string' ? parsed['Message'] : '', record.requestId);
      const data = parsed['Data'];
      return { requestId, data: data && typeof data === 'object' ? (data as Record<string, unknown>) : null, raw: parsed };
    } catch (e) {
      const err = toTransportError(e);
      record.errorCode = err.code;
      throw err;
    } finally {
      record.durationMs = now() - started;
      opts.onExchange?.(record);
    }
  }

  async function describeTasks(query: ZegoTaskQuery, opts: ZegoCallOptions) {
    const body: ZegoBody = { Status: query.status, StartTime: query.startTime, EndTime: query.endTime };
    if (query.roomId !== undefined) body['RoomId'] = query.roomId;
    if (query.pageOffset !== undefined) body['PageOffset'] = query.pageOffset;
    if (query.pageSize !== undefined) body['PageSize'] = query.pageSize;
    const { requestId, data } = await call('DescribeTasks', body, opts);
    const list = data?.['TaskList'] ?? data?.['TaskidList'] ?? [];
    const tasks: ZegoTaskSummary[] = (Array.isArray(list) ? list : [])
      .filter((t): t is Record<string, unknown> => !!t && typeof t === 'object')
      .map((t) => ({
        taskId: String(t['TaskId'] ?? ''),
        roomId: String(t['RoomId'] ?? ''),
        status: typeof t['Status'] === 'number' ? t['Status'] : 0,
        startedAt: typeof t['RecordBeginTimestamp'] === 'number' ? t['RecordBeginTimestamp'] : null,
      }));
    const n = (k: string): number => (typeof data?.[k] === 'number' ? (data[k] as number) : 0);
    return { requestId, tasks, totalCount: n('TotalCount'), pageOffset: n('PageOffset'), pageSize: n('PageSize') };
  }

  /**
   * Page `page` of the AppId's tasks in progress (`Status` 2) that began in the query window as of
   * `asOf`, 50 a page. The window is computed on ZEGO's clock (our clock plus the skew a signature
   * correction found), so `StartTime` is never refused as too old.
   */
  function listOpenTasks(query: { page: number; asOf: number }, opts: ZegoCallOptions) {
    const end = query.asOf + options.skew.get(baseUrl) * 1000 + LIST_END_SLACK_MS;
    return describeTasks({ status: 2, startTime: end - LIST_WINDOW_MS + LIST_START_SLACK_MS, endTime: end, pageOffset: query.page, pageSize: LIST_PAGE_SIZE }, opts);
  }

  /**
   * Finds out whether a StartRecord whose answer was lost created a task: a task in `roomId` that
   * began in a window around `sentAt` and is not one of `knownTaskIds`. More than one candidate, or
   * a failed query, is `unknown`: StartRecord is never retried blindly.
   */
  async function reconcileStart(input: { roomId: string; sentAt: number; knownTaskIds?: readonly string[] }, opts: ZegoCallOptions): Promise<VendorStartOutcome> {
    const known = new Set(input.knownTaskIds ?? []);
    const window = { roomId: input.roomId, startTime: input.sentAt - 60_000, endTime: Math.max(now(), input.sentAt) + 60_000, pageSize: 50 };
    try {
      const candidates: ZegoTaskSummary[] = [];
      for (const status of [2, 3] as const) {
        const { tasks } = await describeTasks({ ...window, status }, opts);
        candidates.push(...tasks.filter((t) => t.roomId === input.roomId && !known.has(t.taskId)));
      }
      const ids = [...new Set(candidates.map((t) => t.taskId))];
      if (ids.length === 1) return { outcome: 'started', taskId: ids[0] as string };
      return ids.length === 0 ? { outcome: 'not-started' } : { outcome: 'unknown' };
    } catch {
      return { outcome: 'unknown' };
    }
  }

  async function simple(action: ZegoAction, body: ZegoBody, opts: ZegoCallOptions): Promise<{ requestId: string }> {
    const { requestId } = await call(action, body, opts);
    return { requestId };
  }

  return {
    /**
     * Starts a task for an already validated request. When the answer is lost (timeout, dropped connection, 5xx or an
     * unreadable body) it reconciles through DescribeTasks: a found task is returned with
     * `reconciled: true`; otherwise the error is thrown with `details.outcome` set.
     */
    async startRecord(
      request: RecordingRequest,
      storage: ZegoStorage | null,
      opts: ZegoCallOptions & { clientTaskId: string | null; knownTaskIds?: readonly string[] },
    ): Promise<{ taskId: string; requestId: string | null; sentBody: ZegoBody; reconciled: boolean }> {
      const body = buildStartRecordBody(request, storage, opts.clientTaskId);
      const sentBody = redactZegoBody(body);
      const sentAt = now();
      try {
        const { requestId, data } = await call('StartRecord', body, opts);
        const taskId = data?.['TaskId'];
        if (typeof taskId !== 'string' || taskId === '') throw badResponseError();
        return { taskId, requestId, sentBody, reconciled: false };
      } catch (e) {
        const err = toTransportError(e);
        if (!startOutcomeUnknown(err)) throw err;
        const outcome = await reconcileStart({ roomId: request.roomId, sentAt, knownTaskIds: opts.knownTaskIds ?? [] }, { ...opts, priority: 'operator' });
        if (outcome.outcome === 'started') return { taskId: outcome.taskId, requestId: null, sentBody, reconciled: true };
        throw new AppFailure(err.code, err.text ?? err.message, { retryable: outcome.outcome === 'not-started', details: { ...err.details, outcome: outcome.outcome } });
      }
    },
    reconcileStart,
    stopRecord(taskId: string, opts: ZegoCallOptions) {
      return simple('StopRecord', { TaskId: taskId }, opts);
    },
    pauseRecord(taskId: string, opts: ZegoCallOptions) {
      return simple('PauseRecord', { TaskId: taskId }, opts);
    },
    resumeRecord(taskId: string, opts: ZegoCallOptions) {
      return simple('ResumeRecord', { TaskId: taskId }, opts);
    },
    takeSnapshot(taskId: string, opts: ZegoCallOptions) {
      return simple('TakeSnapshot', { TaskId: taskId }, opts);
    },
    updateWhiteboard(taskId: string, whiteboardId: string, opts: ZegoCallOptions) {
      if (whiteboardId.trim() === '') {
        throw validationError([{ path: 'whiteboardId', severity: 'error', message: zegoMsg('vendor.zego.issue.whiteboardIdRequired') }]);
      }
      return simple('UpdateWhiteboard', { TaskId: taskId, WhiteboardId: whiteboardId }, opts);
    },
    /** Sends a layout already validated against the task's canvas (`mix.width/height`). */
    updateLayout(taskId: string, mix: MixSettings, opts: ZegoCallOptions) {
      const body = { TaskId: taskId, ...layoutToZego(mix) };
      return simple('UpdateLayout', body, opts).then((r) => ({ ...r, sentBody: body }));
    },
    async describeRecordStatus(
      taskId: string,
      opts: ZegoCallOptions & { mixOutputStreamId?: string | null },
    ): Promise<{ requestId: string; status: VendorStatus; raw: Record<string, unknown> }> {
      const { requestId, data, raw } = await call('DescribeRecordStatus', { TaskId: taskId }, opts);
      if (!data) throw badResponseError();
      return { requestId, status: mapZegoStatus(data, opts.mixOutputStreamId ?? null), raw: redactZegoBody(raw) };
    },
    describeTasks,
    listOpenTasks,
    /**
     * A cheap authenticated call (DescribeTasks over the last minute) for "test connection". It does
     * not correct clock skew, so a wrong clock is reported as VENDOR_CLOCK_SKEW with
     * `details.offsetSeconds`.
     */
    async ping(opts: ZegoCallOptions = { priority: 'operator' }): Promise<{ requestId: string }> {
      const t = now();
      const { requestId } = await call('DescribeTasks', { Status: 2, StartTime: t - 60_000, EndTime: t, PageSize: 1 }, opts, false);
      return { requestId };
    },
  };
}

export type ZegoClient = ReturnType<typeof createZegoClient>;

function headerOf(response: AxiosResponse, name: string): string | null {
  const v: unknown = response.headers[name];
  return typeof v === 'string' ? v : null;
}

function skewError(offset: number | null, parsed: Record<string, unknown>): AppFailure {
  const base = zegoError(100000004, typeof parsed['Message'] === 'string' ? parsed['Message'] : '', typeof parsed['RequestId'] === 'string' ? parsed['RequestId'] : null);
  const text = offset === null ? (base.text ?? base.message) : zegoMsg('vendor.zego.error.clockOff', { offset });
  return new AppFailure('VENDOR_CLOCK_SKEW', text, { retryable: false, details: { ...base.details, offsetSeconds: offset } });
}
