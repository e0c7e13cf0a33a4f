import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type {
  Capabilities,
  EventSource,
  FieldIssue,
  MixSettings,
  RecordingFile,
  RecordingRequest,
  TaskAlert,
  TaskDetail,
  TaskPreview,
  TaskState,
  TaskSummary,
  TimelineEventDraft,
  VendorId,
  VendorStatus,
} from '@contract';
import { isAcceptable } from '@contract/validate/common';
import type { AccountsService, StorageService } from '../accounts';
import { storageSecretFields } from '../accounts/storage-service';
import type { CallbackDelivery, CallbackSink } from '../vendors/callbacks';
import type { ConnectionCache } from '../vendors/connections';
import type { StorageForSend } from '../vendors/credentials';
import { AppFailure, toAppError } from '../errors/app-failure';
import { startOutcomeUnknown } from '../errors/start-outcome';
import type { Logger } from '../logging/logger';
import type { PollOutcome, PollSource, PollTarget } from '../scheduler/types';
import type { StorageShape, VendorAdapter, VendorCall, VendorConnection, VendorStatusRead, VendorTaskRef } from '../vendors/adapter';
import { adapterOf } from '../vendors/registry';
import type { RequestPriority } from '../vendors/shared/rate-limiter';
import { SecretScrubber } from '../store/secret-scrubber';
import { OPEN_STATES, TaskLedger, type TaskRow } from '../store/task-ledger';
import { isGrowth, isTerminal, mergeFiles, mergeState, RANK } from './merge';
import { PresetStore, type PresetSave } from './presets';
import { buildPreview } from './preview';
import { recoverTasks, type RecoveryReport } from './recovery';

/** The parts of the accounts domain the task service reads (an `AccountServices` fits). */
export interface TaskAccountAccess {
  accounts: Pick<AccountsService, 'getAccountCredentials' | 'require' | 'records'>;
  storage: Pick<StorageService, 'getStorageForSend' | 'require'>;
}

/** What {@link createTaskService} needs. */
export interface TaskServiceDeps {
  db: DatabaseSync;
  accounts: TaskAccountAccess;
  /** Vendor connections per account (the only way the service reaches a vendor). */
  connections: ConnectionCache;
  /** Called after every change of a task (the scheduler's batcher turns these into `tasks:changed`). */
  emitChanged(summary: TaskSummary): void;
  /** Called for what the operator must hear about now (`tasks:alerted`). */
  emitAlert(alert: TaskAlert): void;
  log: Logger;
  now?: () => number;
  newId?: () => string;
  /** How long a finished task stays in `tasks:active` (ms). */
  recentMs?: number;
  /**
   * Where this account's callbacks should go, or null to leave the vendor's configuration alone
   * (the local receiver is reachable only for Sandbox accounts; real vendors need the operator's tunnel).
   */
  callbackTarget?: (vendor: VendorId, accountId: string) => string | null;
  /** A task got its vendor id: callbacks that outran the start answer can be merged now. */
  onVendorTaskId?: (vendor: VendorId, vendorTaskId: string) => Promise<unknown>;
}

/** Input of `tasks:start` (parsed). */
export interface TaskStartInput {
  accountId: string;
  request: RecordingRequest;
  presetId: string | null;
  startKey: string;
}

/** The task service: the only writer of the ledger, and the seam for the scheduler and the callback receiver. */
export interface TaskService {
  start(input: TaskStartInput): Promise<TaskSummary>;
  stop(id: string): Promise<TaskSummary>;
  pause(id: string): Promise<TaskSummary>;
  resume(id: string): Promise<TaskSummary>;
  updateLayout(id: string, mix: MixSettings): Promise<TaskSummary>;
  updateWhiteboard(id: string, whiteboardId: string): Promise<TaskSummary>;
  snapshot(id: string): Promise<TaskSummary>;
  /** An operator-priority status read (or, for a start whose answer was lost, a reconciliation). */
  refresh(id: string): Promise<TaskSummary>;
  active(): TaskSummary[];
  get(id: string): TaskDetail;
  preview(accountId: string, request: RecordingRequest): Promise<TaskPreview>;
  presets: {
    list(): ReturnType<PresetStore['list']>;
    save(input: PresetSave): ReturnType<PresetStore['save']>;
    delete(id: string): { deleted: true };
  };
  /** Reconciles every task a previous run left open; call once at launch, before polling starts. */
  recover(): Promise<RecoveryReport>;
  pollSource(): PollSource;
  callbackSink(): CallbackSink;
  countTasksForAccount(accountId: string): number;
}

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A vendor action the descriptor does not offer, as the error every caller sees. */
function unsupportedAction(what: { en: string; 'zh-CN': string }): AppFailure {
  return new AppFailure('UNSUPPORTED', { en: `${what.en} is not offered by this vendor.`, 'zh-CN': `该厂商不支持${what['zh-CN']}。` });
}

/** A request or layout the vendor's rules refuse; nothing was sent. */
function ruleBroken(issues: FieldIssue[]): AppFailure {
  return new AppFailure('VALIDATION', text('The request breaks a vendor rule; see the marked fields.', '请求不符合厂商规则，请查看标出的字段。'), { details: { issues } });
}

/** Internals shared with recovery. */
export interface TaskEngine {
  ledger: TaskLedger;
  now: () => number;
  log: Logger;
  adapter(row: TaskRow): VendorAdapter;
  connect(row: TaskRow): Promise<VendorConnection>;
  ref(row: TaskRow): VendorTaskRef;
  call(taskId: string, priority: RequestPriority): VendorCall;
  applyStatus(id: string, read: VendorStatusRead, source: EventSource): boolean;
  markForgotten(id: string, e: unknown): void;
  resolveStart(id: string, vendorTaskId: string, source: EventSource, raw: unknown): void;
  markLost(id: string, why: string, message?: TaskAlert['message']): void;
  note(id: string, source: EventSource, summary: string, raw?: unknown): void;
  alert(id: string, kind: TaskAlert['kind'], message: TaskAlert['message']): void;
  changed(id: string): void;
}

/**
 * Creates the task service over the ledger. Every start writes its row before the vendor call and
 * the vendor task id right after it; every action, status change, file change and error becomes a
 * timeline row; every vendor exchange is stored redacted.
 */
export function createTaskService(deps: TaskServiceDeps): TaskService {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomUUID;
  const recentMs = deps.recentMs ?? 15 * 60_000;
  const scrubber = new SecretScrubber();
  const ledger = new TaskLedger(deps.db, scrubber);
  const presets = new PresetStore(deps.db, now, newId);
  /** Accounts whose vendor-side callback URL already points at the local receiver this session. */
  const directed = new Set<string>();

  function requireRow(id: string): TaskRow {
    const row = ledger.get(id);
    if (!row) throw new AppFailure('NOT_FOUND', `No task ${id}`, { details: { id } });
    return row;
  }

  function changed(id: string): void {
    const row = ledger.get(id);
    if (row) deps.emitChanged(ledger.summary(row));
  }

  function alert(id: string, kind: TaskAlert['kind'], message: TaskAlert['message']): void {
    deps.emitAlert({ taskId: id, kind, message, at: now() });
  }

  function note(id: string, source: EventSource, summary: string, raw?: unknown): void {
    const row = requireRow(id);
    ledger.addEvent(id, { at: now(), source, kind: 'note', summary, state: row.state, ...(raw === undefined ? {} : { raw }) });
  }

  /** A connection of the task's account; every secret it holds is remembered by the scrubber. */
  async function connectAccount(accountId: string, vendor: VendorId): Promise<VendorConnection> {
    const { connection, secretValues } = await deps.connections.get(accountId, vendor);
    scrubber.remember(secretValues);
    return connection;
  }

  async function connect(row: TaskRow): Promise<VendorConnection> {
    if (row.accountId === null) {
      throw new AppFailure('NOT_FOUND', 'The account of this task was deleted', { details: { taskId: row.id } });
    }
    return connectAccount(row.accountId, row.vendor);
  }

  /** One vendor call on behalf of a task: its exchange is stored with that task. */
  function call(taskId: string, priority: RequestPriority): VendorCall {
    return {
      priority,
      onExchange: (e) => {
        try {
          ledger.addExchange(taskId, e);
        } catch (err) {
          deps.log.error('tasks.exchange-write', { taskId, error: err instanceof Error ? err.message : String(err) });
        }
      },
    };
  }

  function ref(row: TaskRow): VendorTaskRef {
    if (row.vendorTaskId === null) {
      throw new AppFailure('CONFLICT', 'The vendor has not given this task an id yet', { details: { taskId: row.id } });
    }
    return { vendorTaskId: row.vendorTaskId, request: row.request };
  }

  function streamIdsOf(request: RecordingRequest, files: readonly RecordingFile[]): string {
    const ids = new Set<string>(request.streams);
    for (const f of files) if (f.streamId) ids.add(f.streamId);
    return [...ids].join(' ');
  }

  /**
   * Merges a status (poll, callback or recovery) into the ledger in one transaction. Returns whether
   * anything changed; an unchanged status only refreshes `lastSeenAt` and writes no event.
   */
  function applyStatusInTx(id: string, read: VendorStatusRead, source: EventSource, stale: boolean): { changed: boolean; before: TaskState; after: TaskState; drafts: TimelineEventDraft[] } {
    const row = requireRow(id);
    const at = now();
    const stored = ledger.knownStatus(row);
    // Vendor facts seen for the first time are a baseline, not a change (TIW ExceptionCnt 0 is no error).
    const known = row.lastSeenAt === null ? { ...stored, extra: { ...read.status.extra, ...stored.extra } } : stored;
    const state = mergeState(row.state, read.status.state, stale);
    const files = mergeFiles(known.files, read.status.files);
    const terminalHold = isTerminal(row.state);
    const next: VendorStatus = {
      state,
      rawStatus: terminalHold || (stale && state === row.state) ? row.rawStatus : read.status.rawStatus,
      startedAt: read.status.startedAt ?? row.startedAt ?? (RANK[state] >= 1 && !isTerminal(state) ? at : null),
      endedAt: read.status.endedAt ?? row.endedAt ?? (RANK[state] >= 3 ? at : null),
      finishReason: terminalHold ? row.finishReason : (read.status.finishReason ?? row.finishReason),
      files,
      extra: { ...row.extra, ...read.status.extra },
    };
    const before = new Map(known.files.map((f) => [f.fileId, f]));
    // A file that is still being written grows on every read; its size is stored, but growth alone is no event.
    const drafts = adapterOf(row.vendor)
      .diff(known, next, source, at)
      .filter((d) => !(d.kind === 'file-changed' && isGrowth(before.get((d.raw as RecordingFile).fileId), d.raw as RecordingFile)));
    const touched = files.filter((f) => JSON.stringify(before.get(f.fileId)) !== JSON.stringify(f));
    ledger.upsertFiles(id, touched, at);
    const timesChanged = next.startedAt !== row.startedAt || next.endedAt !== row.endedAt;
    if (drafts.length === 0 && !timesChanged) {
      ledger.update(id, { lastSeenAt: at });
      return { changed: false, before: row.state, after: row.state, drafts };
    }
    for (const d of drafts) {
      if (d.kind === 'state-changed' && read.raw !== undefined) d.raw = { requestId: read.requestId, response: read.raw };
      ledger.addEvent(id, d);
    }
    ledger.update(id, {
      state,
      rawStatus: next.rawStatus,
      startedAt: next.startedAt,
      endedAt: next.endedAt,
      finishReason: next.finishReason,
      extra: next.extra,
      lastSeenAt: at,
      updatedAt: at,
      streamIds: streamIdsOf(row.request, files),
      ...(source !== 'operator' ? { error: null } : {}),
    });
    return { changed: true, before: row.state, after: state, drafts };
  }

  function afterApply(id: string, r: { changed: boolean; before: TaskState; after: TaskState; drafts: TimelineEventDraft[] }): void {
    if (!r.changed) return;
    changed(id);
    if (r.before !== r.after && r.after === 'failed') {
      alert(id, 'failed', text('The recording failed at the vendor.', '录制任务在云端失败。'));
    } else if ((r.before === 'recording' || r.before === 'paused') && (r.after === 'uploading' || r.after === 'finished')) {
      alert(id, 'ended-unexpectedly', text('The recording ended without a stop from RecDeck (idle timeout or vendor stop).', '录制在未经 RecDeck 停止的情况下结束（空闲超时或云端停止）。'));
    }
    if (r.drafts.some((d) => d.kind === 'file-changed' && (d.raw as RecordingFile | undefined)?.status === 'failed')) {
      alert(id, 'upload-failed', text('A recorded file failed to upload.', '有录制文件上传失败。'));
    }
  }

  function applyStatus(id: string, read: VendorStatusRead, source: EventSource): boolean {
    const r = ledger.tx(() => applyStatusInTx(id, read, source, false));
    afterApply(id, r);
    return r.changed;
  }

  function markForgotten(id: string, e: unknown): void {
    const done = ledger.tx(() => {
      const row = requireRow(id);
      if (row.forgotten) return false;
      const at = now();
      ledger.update(id, { forgotten: true, updatedAt: at });
      ledger.addEvent(id, {
        at,
        source: 'system',
        kind: 'note',
        summary: `vendor no longer knows the task; keeping the last known state ${row.state}`,
        state: row.state,
        raw: toAppError(e),
      });
      return true;
    });
    if (done) changed(id);
  }

  function resolveStart(id: string, vendorTaskId: string, source: EventSource, raw: unknown): void {
    ledger.tx(() => {
      const at = now();
      ledger.update(id, { vendorTaskId, updatedAt: at, error: null });
      ledger.addEvent(id, { at, source, kind: 'action', summary: `vendor task id ${vendorTaskId}`, state: requireRow(id).state, raw });
    });
    changed(id);
  }

  function markLost(id: string, why: string, message?: TaskAlert['message']): void {
    ledger.tx(() => {
      const at = now();
      ledger.update(id, { state: 'lost', updatedAt: at, endedAt: at });
      ledger.addEvent(id, { at, source: 'system', kind: 'state-changed', summary: `state lost: ${why}`, state: 'lost' });
    });
    changed(id);
    alert(id, 'lost', message ?? text('A start was interrupted before the vendor answered; the task may or may not run at the vendor.', '启动在云端应答前中断，任务可能已在云端运行，也可能没有。'));
  }

  function recordError(id: string, source: EventSource, action: string, e: unknown, dedupe: boolean): void {
    const error = toAppError(e);
    const wrote = ledger.tx(() => {
      const row = requireRow(id);
      if (dedupe && row.error?.code === error.code) return false;
      const at = now();
      ledger.update(id, { error, updatedAt: at });
      ledger.addEvent(id, { at, source, kind: 'error', summary: `${action} failed: ${error.code}`, state: row.state, raw: error });
      return true;
    });
    if (wrote) changed(id);
  }

  const engine: TaskEngine = {
    ledger,
    now,
    log: deps.log,
    adapter: (row) => adapterOf(row.vendor),
    connect,
    ref,
    call,
    applyStatus,
    markForgotten,
    resolveStart,
    markLost,
    note,
    alert,
    changed,
  };

  async function readStatus(row: TaskRow, priority: RequestPriority, source: EventSource): Promise<PollOutcome> {
    const conn = await connect(row);
    if (!conn.status) return 'done';
    try {
      const read = await conn.status(ref(row), call(row.id, priority));
      const didChange = applyStatus(row.id, read, source);
      const after = requireRow(row.id);
      if (isTerminal(after.state)) return 'done';
      return didChange ? 'changed' : 'unchanged';
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'VENDOR_TASK_NOT_FOUND') {
        markForgotten(row.id, e);
        return 'forgotten';
      }
      if (e instanceof AppFailure && (e.code === 'VENDOR_UNREACHABLE' || e.code === 'VENDOR_TIMEOUT')) return 'unreachable';
      recordError(row.id, source, 'status', e, true);
      return 'error';
    }
  }

  function capability(row: TaskRow, cap: keyof Capabilities, label: { en: string; 'zh-CN': string }): void {
    if (!adapterOf(row.vendor).descriptor.capabilities[cap]) throw unsupportedAction(label);
  }

  /**
   * One operator action on a running task: capability check, the vendor call, a timeline row with
   * the RequestId, the expected state, then a status read where the vendor has one.
   */
  async function act(
    id: string,
    cap: keyof Capabilities | null,
    label: { en: string; 'zh-CN': string },
    expected: TaskState | null,
    send: (conn: VendorConnection, task: VendorTaskRef, call: VendorCall) => Promise<{ requestId: string; sentBody?: unknown }>,
    onSuccess?: (row: TaskRow) => Partial<Pick<TaskRow, 'request'>>,
  ): Promise<TaskSummary> {
    const row = requireRow(id);
    if (cap !== null) capability(row, cap, label);
    if (isTerminal(row.state)) throw new AppFailure('CONFLICT', `The task is already ${row.state}`, { details: { id, state: row.state } });
    const task = ref(row);
    const conn = await connect(row);
    let result: { requestId: string; sentBody?: unknown };
    try {
      result = await send(conn, task, call(id, 'operator'));
    } catch (e) {
      recordError(id, 'operator', label.en, e, false);
      throw e;
    }
    ledger.tx(() => {
      const fresh = requireRow(id);
      const at = now();
      const state = expected === null ? fresh.state : mergeState(fresh.state, expected, false);
      ledger.addEvent(id, {
        at,
        source: 'operator',
        kind: 'action',
        summary: `${label.en} (RequestId ${result.requestId || '—'})`,
        state,
        raw: { requestId: result.requestId, ...(result.sentBody === undefined ? {} : { sentBody: result.sentBody }) },
      });
      ledger.update(id, { state, updatedAt: at, error: null, ...(onSuccess ? onSuccess(fresh) : {}) });
    });
    changed(id);
    if (conn.status) await readStatus(requireRow(id), 'operator', 'operator').catch(() => 'error');
    return ledger.summary(requireRow(id));
  }

  async function storageFor(request: RecordingRequest): Promise<StorageForSend | null> {
    if (request.storageTargetId === null) return null;
    const storage = await deps.accounts.storage.getStorageForSend(request.storageTargetId);
    scrubber.remember(Object.values(storage.keys));
    return storage;
  }

  async function start(input: TaskStartInput): Promise<TaskSummary> {
    const existing = ledger.byStartKey(input.startKey);
    if (existing) return ledger.summary(existing);
    const record = deps.accounts.accounts.require(input.accountId);
    const adapter = adapterOf(record.vendor);
    const callbackUrl = deps.callbackTarget?.(record.vendor, record.id) ?? null;
    const request = callbackUrl && input.request.callbackUrl === null ? { ...input.request, callbackUrl } : input.request;
    const storage = await storageFor(request);
    const shape: StorageShape | null = storage
      ? { target: storage.target, keysSet: Object.fromEntries(Object.entries(storage.keys).map(([k, v]) => [k, !!v])) }
      : null;
    const issues = adapter.validate(request, shape);
    if (!isAcceptable(issues)) throw ruleBroken(issues);
    const conn = await connectAccount(record.id, record.vendor);
    const id = newId();
    const at = now();
    const inserted = ledger.tx(() => {
      const ok = ledger.insert({
        id,
        vendor: record.vendor,
        accountId: record.id,
        accountName: record.name,
        roomId: request.roomId,
        vendorTaskId: null,
        startKey: input.startKey,
        mode: request.mode,
        state: 'starting',
        rawStatus: '',
        request,
        storageTargetId: request.storageTargetId,
        presetId: input.presetId,
        streamIds: request.streams.join(' '),
        createdAt: at,
        startedAt: null,
        endedAt: null,
        updatedAt: at,
        lastSeenAt: null,
        forgotten: false,
        finishReason: null,
        error: null,
        extra: {},
      });
      if (ok) ledger.addEvent(id, { at, source: 'operator', kind: 'action', summary: 'start requested', state: 'starting', raw: { request } });
      return ok;
    });
    if (!inserted) return ledger.summary(requireRow(ledger.byStartKey(input.startKey)?.id ?? id));
    changed(id);
    if (callbackUrl && conn.directCallbacks && !directed.has(record.id)) {
      await conn.directCallbacks(callbackUrl, call(id, 'operator')).then(
        () => directed.add(record.id),
        (e: unknown) => note(id, 'system', `callbacks not redirected to the local receiver: ${toAppError(e).code}`),
      );
    }
    let result;
    try {
      result = await conn.start({ request, storage, clientTaskId: id }, call(id, 'operator'));
    } catch (e) {
      const error = toAppError(e);
      if (startOutcomeUnknown(e) && conn.reconcileStart) {
        recordError(id, 'operator', 'start', e, false);
        note(id, 'system', 'start outcome unknown: refresh or the next launch reconciles it with the vendor');
        changed(id);
      } else if (startOutcomeUnknown(e)) {
        recordError(id, 'operator', 'start', e, false);
        markLost(id, 'the start answer was lost and this vendor cannot list tasks');
      } else {
        ledger.tx(() => {
          const t = now();
          ledger.update(id, { state: 'failed', finishReason: 'start-rejected', error, updatedAt: t, endedAt: t });
          ledger.addEvent(id, { at: t, source: 'operator', kind: 'error', summary: `start failed: ${error.code}`, state: 'failed', raw: error });
        });
        changed(id);
      }
      throw e;
    }
    ledger.tx(() => {
      const t = now();
      const after = adapter.stateAfterStart;
      ledger.update(id, { vendorTaskId: result.vendorTaskId, updatedAt: t, ...(after ? { state: after.state, rawStatus: after.rawStatus, startedAt: t } : {}) });
      ledger.addEvent(id, {
        at: t,
        source: 'operator',
        kind: 'action',
        summary: `started: vendor task id ${result.vendorTaskId}${result.reconciled ? ' (found after a lost answer)' : ''} (RequestId ${result.requestId ?? '—'})`,
        state: after ? after.state : 'starting',
        raw: { requestId: result.requestId, reconciled: result.reconciled, sentBody: result.sentBody },
      });
      if (after && adapter.descriptor.note) {
        ledger.addEvent(id, { at: t, source: 'system', kind: 'note', summary: adapter.descriptor.note.en, state: after.state });
      }
    });
    changed(id);
    await deps.onVendorTaskId?.(record.vendor, result.vendorTaskId);
    if (conn.status) await readStatus(requireRow(id), 'operator', 'operator').catch(() => 'error');
    return ledger.summary(requireRow(id));
  }

  async function refresh(id: string): Promise<TaskSummary> {
    const row = requireRow(id);
    capability(row, 'query', text('Status query', '状态查询'));
    if (row.vendorTaskId === null) {
      if (row.state === 'starting') await recoverTasks(engine, [row]);
      return ledger.summary(requireRow(id));
    }
    const outcome = await readStatus(row, 'operator', 'operator');
    if (outcome === 'unreachable') {
      throw new AppFailure('VENDOR_UNREACHABLE', text('The vendor could not be reached.', '无法连接到云服务。'), { retryable: true });
    }
    return ledger.summary(requireRow(id));
  }

  function targets(): PollTarget[] {
    const accounts = new Map(deps.accounts.accounts.records().map((a) => [a.id, a]));
    const out: PollTarget[] = [];
    for (const row of ledger.inStates(OPEN_STATES)) {
      if (row.forgotten || row.vendorTaskId === null || row.accountId === null) continue;
      const account = accounts.get(row.accountId);
      if (!account) continue;
      const lane = adapterOf(row.vendor).pollLane(account);
      if (!lane) continue;
      out.push({ id: row.id, laneKey: lane.laneKey, ratePerSecond: lane.ratePerSecond, state: row.state, lastSeenAt: row.lastSeenAt, changedAt: row.updatedAt });
    }
    return out;
  }

  async function poll(id: string): Promise<PollOutcome> {
    const row = ledger.get(id);
    if (!row || row.forgotten || row.vendorTaskId === null || isTerminal(row.state)) return 'done';
    try {
      return await readStatus(row, 'background', 'poll');
    } catch (e) {
      if (e instanceof AppFailure && (e.code === 'VENDOR_UNREACHABLE' || e.code === 'VENDOR_TIMEOUT')) return 'unreachable';
      deps.log.warn('tasks.poll', { id, code: toAppError(e).code });
      return 'error';
    }
  }

  async function deliver(d: CallbackDelivery): Promise<'merged' | 'duplicate' | 'unknown-task'> {
    const row = ledger.byVendorTaskId(d.vendor, d.vendorTaskId);
    if (!row) return 'unknown-task';
    const outcome = ledger.tx(() => {
      const fresh = requireRow(row.id);
      const inserted = ledger.addEvent(
        row.id,
        { at: d.at, source: 'callback', kind: 'callback', summary: d.summary, state: d.patch.state ?? null, raw: d.raw },
        d.dedupeKey,
      );
      if (!inserted) return null;
      const latest = d.patch.state ? (ledger.lastStateAt(row.id, 'callback') ?? d.at) : d.at;
      const stale = latest > d.at;
      const status: VendorStatus = {
        state: d.patch.state ?? fresh.state,
        rawStatus: d.patch.rawStatus ?? fresh.rawStatus,
        startedAt: null,
        endedAt: null,
        finishReason: d.patch.finishReason ?? null,
        files: d.patch.files ?? [],
        extra: {},
      };
      return applyStatusInTx(row.id, { status, requestId: null, raw: undefined }, 'callback', stale);
    });
    if (outcome === null) return 'duplicate';
    if (outcome.changed) afterApply(row.id, outcome);
    else changed(row.id);
    return 'merged';
  }

  return {
    start,
    stop: (id) => act(id, null, text('Stop', '停止'), 'stopping', (c, t, k) => c.stop(t, k)),
    pause: (id) => act(id, 'pause', text('Pause', '暂停'), 'paused', (c, t, k) => (c.pause ? c.pause(t, k) : Promise.reject(unsupportedAction(text('Pause', '暂停'))))),
    resume: (id) => act(id, 'resume', text('Resume', '恢复'), 'recording', (c, t, k) => (c.resume ? c.resume(t, k) : Promise.reject(unsupportedAction(text('Resume', '恢复'))))),
    async updateLayout(id, mix) {
      if (requireRow(id).request.mode !== 'mixed') throw unsupportedAction(text('A layout update of a single-stream task', '单流录制任务的布局更新'));
      return act(
        id,
        'updateLayout',
        text('Layout update', '更新布局'),
        null,
        (c, t, k) => {
          if (!c.updateLayout) return Promise.reject(unsupportedAction(text('Layout update', '更新布局')));
          const issues = adapterOf(requireRow(id).vendor).validateLayout?.(mix, t.request) ?? [];
          return isAcceptable(issues) ? c.updateLayout(t, mix, k) : Promise.reject(ruleBroken(issues));
        },
        (row) => ({ request: { ...row.request, mix: { ...mix } } }),
      );
    },
    updateWhiteboard: (id, whiteboardId) =>
      act(
        id,
        'updateWhiteboard',
        text('Whiteboard switch', '切换白板'),
        null,
        (c, t, k) => (c.updateWhiteboard ? c.updateWhiteboard(t, whiteboardId, k) : Promise.reject(unsupportedAction(text('Whiteboard switch', '切换白板')))),
        (row) => ({ request: row.request.whiteboard ? { ...row.request, whiteboard: { ...row.request.whiteboard, whiteboardId } } : row.request }),
      ),
    snapshot: (id) => act(id, 'snapshot', text('Snapshot', '截图'), null, (c, t, k) => (c.snapshot ? c.snapshot(t, k) : Promise.reject(unsupportedAction(text('Snapshot', '截图'))))),
    refresh,
    active: () => ledger.active(now() - recentMs).map((r) => ledger.summary(r)),
    get(id) {
      const row = requireRow(id);
      return {
        task: ledger.summary(row),
        request: row.request,
        storageTargetId: row.storageTargetId,
        files: ledger.files(id),
        events: ledger.events(id),
        exchanges: ledger.exchanges(id),
        extra: row.extra,
      };
    },
    async preview(accountId, request) {
      const record = deps.accounts.accounts.require(accountId);
      let shape: StorageShape | null = null;
      if (request.storageTargetId !== null) {
        const target = deps.accounts.storage.require(request.storageTargetId);
        const { createdAt: _c, updatedAt: _u, ...rest } = target;
        let missing: string[] = [];
        try {
          scrubber.remember(Object.values((await deps.accounts.storage.getStorageForSend(target.id)).keys));
        } catch (e) {
          if (!(e instanceof AppFailure && e.code === 'SECRET_MISSING')) throw e;
          missing = (e.details?.['fields'] as string[] | undefined) ?? [];
        }
        shape = { target: rest, keysSet: Object.fromEntries(storageSecretFields(target.provider).map((f) => [f, !missing.includes(f)])) };
      }
      return buildPreview(record, adapterOf(record.vendor), request, shape, (s) => scrubber.scrub(s));
    },
    presets: {
      list: () => presets.list(),
      save: (input) => presets.save(input),
      delete: (id) => presets.delete(id),
    },
    recover: () => recoverTasks(engine, ledger.inStates(['starting', 'recording', 'paused', 'stopping'])),
    pollSource: () => ({ targets, poll }),
    callbackSink: () => ({ deliver }),
    countTasksForAccount: (accountId) => ledger.countForAccount(accountId),
  };
}

/** How many tasks refer to an account, straight from the ledger (for the accounts service, built before the task service). */
export function countTasksForAccount(db: DatabaseSync, accountId: string): number {
  return new TaskLedger(db, new SecretScrubber()).countForAccount(accountId);
}

/** Presets and open tasks that would lose their storage target; the storage service asks before deleting it. */
export function storageReferences(db: DatabaseSync, storageTargetId: string): { presets: number; openTasks: number } {
  return new TaskLedger(db, new SecretScrubber()).storageReferences(storageTargetId);
}
