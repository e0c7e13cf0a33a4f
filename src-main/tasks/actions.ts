import { isAcceptable, msg, taskStateText, type Capabilities, type Message, type MixSettings, type RecordingRequest, type TaskState, type TaskSummary, type VendorId } from '@contract';
import type { AccountsService, StorageService } from '../accounts';
import { AppFailure, toAppError } from '../errors/app-failure';
import { startOutcomeUnknown } from '../errors/start-outcome';
import type { TaskPatch, TaskRow } from '../store/task-ledger';
import type { StorageShape, VendorCall, VendorConnection, VendorTaskRef } from '../vendors/adapter';
import type { StorageForSend } from '../vendors/credentials';
import type { TaskJournal } from './journal';
import { isTerminal, stateRank } from './merge';
import { requireCapability, ruleBroken, unsupportedAction } from './refusals';
import type { TaskSync } from './sync';
import type { VendorLink } from './vendor-link';

/** The parts of the accounts domain the task service reads (an `AccountServices` fits). */
export interface TaskAccountAccess {
  accounts: Pick<AccountsService, 'getAccountCredentials' | 'require' | 'records'>;
  storage: Pick<StorageService, 'getStorageForSend' | 'require' | 'records'>;
}

/** Input of `tasks:start` (parsed). */
export interface TaskStartInput {
  accountId: string;
  request: RecordingRequest;
  presetId: string | null;
  startKey: string;
}

export interface TaskActionsDeps {
  journal: TaskJournal;
  link: VendorLink;
  sync: Pick<TaskSync, 'readStatus' | 'release'>;
  accounts: TaskAccountAccess;
  /** Starts of this process waiting for the vendor's answer (the sync leaves them alone meanwhile). */
  startsInFlight: Set<string>;
  now: () => number;
  newId: () => string;
  /** Where this account's callbacks should go, or null to leave the vendor's configuration alone. */
  callbackTarget?: (vendor: VendorId, accountId: string) => string | null;
}

/** The operator's actions on recordings. */
export interface TaskActions {
  start(input: TaskStartInput): Promise<TaskSummary>;
  stop(id: string): Promise<TaskSummary>;
  pause(id: string): Promise<TaskSummary>;
  resume(id: string): Promise<TaskSummary>;
  updateLayout(id: string, mix: MixSettings): Promise<TaskSummary>;
  updateWhiteboard(id: string, whiteboardId: string): Promise<TaskSummary>;
  snapshot(id: string): Promise<TaskSummary>;
}

/**
 * A failed start's error, naming the ledger task it left behind and what became of it, so the page
 * can link to the task and tell "did not start" from "not known yet".
 */
function aboutTask(e: unknown, taskId: string, outcome: 'not-started' | 'unknown' | 'lost'): unknown {
  if (!(e instanceof AppFailure)) return e;
  return new AppFailure(e.code, e.text ?? e.message, { ...(e.retryable === undefined ? {} : { retryable: e.retryable }), details: { ...e.details, taskId, outcome } });
}

type Send = (conn: VendorConnection, task: VendorTaskRef, call: VendorCall) => Promise<{ requestId: string; sentBody?: unknown }>;

/**
 * Starts and acts on recordings. A request is validated here, once, before anything is sent; a
 * start writes its row before the vendor call and the vendor task id right after it.
 */
export function createTaskActions(deps: TaskActionsDeps): TaskActions {
  const { journal, link } = deps;
  /** Accounts whose vendor-side callback URL already points at the local receiver this session. */
  const directed = new Set<string>();

  /**
   * One operator action on a running task: capability check, the vendor call, a timeline row with
   * the RequestId, the expected state, then a status read where the vendor has one.
   */
  async function act(
    id: string,
    cap: keyof Capabilities | null,
    label: Message,
    expected: TaskState | null,
    send: Send,
    patch?: (row: TaskRow) => TaskPatch,
    settle?: (e: unknown) => Promise<TaskSummary | null>,
  ): Promise<TaskSummary> {
    const row = journal.require(id);
    if (cap !== null) requireCapability(link.adapter(row), cap, label);
    if (isTerminal(row.state)) throw new AppFailure('CONFLICT', msg('task.alreadyEnded', { state: taskStateText(row.state) }), { details: { id, state: row.state } });
    const task = link.ref(row);
    const conn = await link.connect(row);
    let result: { requestId: string; sentBody?: unknown };
    try {
      result = await send(conn, task, link.call(id, 'operator'));
    } catch (e) {
      const settled = await settle?.(e);
      if (settled) return settled;
      journal.recordError(id, 'operator', label, e, false);
      throw e;
    }
    journal.actionDone(id, label, expected, result, patch);
    if (conn.status) await deps.sync.readStatus(journal.require(id), 'operator', 'operator').catch(() => 'error');
    return journal.summaryOf(id);
  }

  /**
   * Stop. In a team two desks may press it on one task: a task already stopping or ended (the other
   * desk's stop has arrived) is answered as it is, without a vendor call; a stop the vendor refuses
   * because the task is past running (the other stop had not arrived yet) counts as done once a
   * status read shows it stopping or ended.
   */
  async function stop(id: string): Promise<TaskSummary> {
    const row = journal.require(id);
    if (stateRank(row.state) >= stateRank('stopping')) return journal.reads.summary(row);
    const alreadyDone = async (e: unknown): Promise<TaskSummary | null> => {
      const code = e instanceof AppFailure ? e.code : null;
      if (code !== 'VENDOR_STATE' && code !== 'VENDOR_TASK_NOT_FOUND') return null;
      const fresh = journal.require(id);
      if ((await link.connect(fresh)).status) await deps.sync.readStatus(fresh, 'operator', 'operator').catch(() => 'error');
      const after = journal.require(id);
      if (stateRank(after.state) < stateRank('stopping')) return null;
      journal.note(id, 'operator', msg('timeline.stopAlreadyDone', { state: taskStateText(after.state) }));
      journal.changed(id);
      return journal.summaryOf(id);
    };
    return act(id, null, msg('task.action.stop'), 'stopping', (c, t, k) => c.stop(t, k), undefined, alreadyDone);
  }

  async function storageFor(request: RecordingRequest): Promise<StorageForSend | null> {
    if (request.storageTargetId === null) return null;
    const storage = await deps.accounts.storage.getStorageForSend(request.storageTargetId);
    journal.scrubber.remember(Object.values(storage.keys));
    return storage;
  }

  async function start(input: TaskStartInput): Promise<TaskSummary> {
    const existing = journal.reads.byStartKey(input.startKey);
    if (existing) return journal.reads.summary(existing);
    const record = deps.accounts.accounts.require(input.accountId);
    const adapter = link.adapter(record);
    const callbackUrl = deps.callbackTarget?.(record.vendor, record.id) ?? null;
    const request = callbackUrl && input.request.callbackUrl === null ? { ...input.request, callbackUrl } : input.request;
    const storage = await storageFor(request);
    const shape: StorageShape | null = storage ? { target: storage.target, keysSet: Object.fromEntries(Object.entries(storage.keys).map(([k, v]) => [k, !!v])) } : null;
    const issues = adapter.validate(request, shape);
    if (!isAcceptable(issues)) throw ruleBroken(issues);
    const conn = await link.connectAccount(record.id, record.vendor);
    const id = deps.newId();
    const at = deps.now();
    // Until the vendor answers, this start is not one whose answer was lost: the sync leaves it alone.
    deps.startsInFlight.add(id);
    const opened = journal.open(
      journal.newRow(
        {
          id,
          vendor: record.vendor,
          accountId: record.id,
          accountName: record.name,
          roomId: request.roomId,
          vendorTaskId: null,
          startKey: input.startKey,
          mode: request.mode,
          request,
          storageTargetId: request.storageTargetId,
          presetId: input.presetId,
          streamIds: request.streams.join(' '),
          startedAt: null,
        },
        at,
      ),
    );
    if (!opened) {
      deps.startsInFlight.delete(id);
      return journal.summaryOf(journal.reads.byStartKey(input.startKey)?.id ?? id);
    }
    if (callbackUrl && conn.directCallbacks && !directed.has(record.id)) {
      await conn.directCallbacks(callbackUrl, link.call(id, 'operator')).then(
        () => directed.add(record.id),
        (e: unknown) => journal.note(id, 'system', msg('timeline.note.callbacksNotRedirected', { code: toAppError(e).code })),
      );
    }
    let result;
    try {
      result = await conn.start({ request, storage, clientTaskId: id }, link.call(id, 'operator'));
    } catch (e) {
      // Where the vendor can list its tasks, the sync keeps asking it until the outcome is known.
      const outcome = !startOutcomeUnknown(e) ? 'not-started' : conn.reconcileStart ? 'unknown' : 'lost';
      if (outcome === 'unknown') {
        journal.recordError(id, 'operator', msg('task.action.start'), e, false);
        journal.note(id, 'system', msg('timeline.note.startUnknown'));
        journal.changed(id);
      } else if (outcome === 'lost') {
        journal.recordError(id, 'operator', msg('task.action.start'), e, false);
        journal.markLost(id, msg('timeline.lostWhy.answerLost'));
      } else {
        journal.startRejected(id, e);
      }
      throw aboutTask(e, id, outcome);
    } finally {
      deps.startsInFlight.delete(id);
    }
    const after = adapter.descriptor.afterStart;
    journal.started(id, result, after, after.noteOnTimeline ? adapter.descriptor.note : null);
    await deps.sync.release(record.vendor, result.vendorTaskId);
    if (conn.status) await deps.sync.readStatus(journal.require(id), 'operator', 'operator').catch(() => 'error');
    return journal.summaryOf(id);
  }

  return {
    start,
    stop,
    pause: (id) => act(id, 'pause', msg('task.action.pause'), 'paused', (c, t, k) => (c.pause ? c.pause(t, k) : Promise.reject(unsupportedAction(msg('task.action.pause'))))),
    resume: (id) => act(id, 'resume', msg('task.action.resume'), 'recording', (c, t, k) => (c.resume ? c.resume(t, k) : Promise.reject(unsupportedAction(msg('task.action.resume'))))),
    async updateLayout(id, mix) {
      const row = journal.require(id);
      if (row.request.mode !== 'mixed') throw unsupportedAction(msg('task.action.layoutOfSingle'));
      const label = msg('task.action.layout');
      return act(
        id,
        'updateLayout',
        label,
        null,
        (c, t, k) => {
          if (!c.updateLayout) return Promise.reject(unsupportedAction(label));
          const issues = link.adapter(row).validateLayout?.(mix, t.request) ?? [];
          return isAcceptable(issues) ? c.updateLayout(t, mix, k) : Promise.reject(ruleBroken(issues));
        },
        (fresh) => ({ request: { ...fresh.request, mix: { ...mix } } }),
      );
    },
    updateWhiteboard: (id, whiteboardId) =>
      act(
        id,
        'updateWhiteboard',
        msg('task.action.whiteboard'),
        null,
        (c, t, k) => (c.updateWhiteboard ? c.updateWhiteboard(t, whiteboardId, k) : Promise.reject(unsupportedAction(msg('task.action.whiteboard')))),
        (fresh) => ({ request: fresh.request.whiteboard ? { ...fresh.request, whiteboard: { ...fresh.request.whiteboard, whiteboardId } } : fresh.request }),
      ),
    snapshot: (id) => act(id, 'snapshot', msg('task.action.snapshot'), null, (c, t, k) => (c.snapshot ? c.snapshot(t, k) : Promise.reject(unsupportedAction(msg('task.action.snapshot'))))),
  };
}
