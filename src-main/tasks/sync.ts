import { msg, OPEN_TASK_STATES, type EventSource, type Message, type TaskState, type TaskSummary, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { PollOutcome, PollSource, PollTarget } from '../scheduler/types';
import type { ForeignTaskStore } from '../store/foreign-tasks';
import type { StorageTargetRecord } from '../store/storage-repo';
import type { TaskRow } from '../store/task-ledger';
import type { CallbackDelivery, CallbackResult } from '../vendors/callbacks';
import type { RequestPriority } from '../vendors/shared/rate-limiter';
import { keepOnStorage } from './callback-facts';
import { CallbackInbox, PARKED_TTL_MS } from './inbox';
import type { TaskJournal } from './journal';
import { isTerminal } from './merge';
import { recoverTasks, type RecoveryReport } from './recovery';
import { requireCapability } from './refusals';
import { createSweeper } from './sweep';
import type { VendorLink } from './vendor-link';

/** Open states a launch reconciles; an uploading task needs none, since polling follows its files. */
const RECONCILED_AT_LAUNCH: readonly TaskState[] = OPEN_TASK_STATES.filter((s) => s !== 'uploading');
/** A task the operator is looking at is read this often. */
const WATCH_INTERVAL_MS = 2_000;
/** A watch lapses this long after the renderer last renewed it. */
const WATCH_LEASE_MS = 30_000;

export interface TaskSyncDeps {
  journal: TaskJournal;
  link: VendorLink;
  foreign: ForeignTaskStore;
  /** The accounts as stored, for the poll and sweep lanes (no secret is read). */
  accountRecords(): ReadonlyArray<{ id: string; vendor: VendorId; environment: string; fields: Record<string, unknown> }>;
  /** The list of foreign tasks changed. */
  foreignChanged(): void;
  /** A storage target's non-secret fields, or null once it is gone. */
  storageTarget(id: string): StorageTargetRecord | null;
  log: Logger;
  now: () => number;
  newId: () => string;
}

/** Everything that brings news about tasks into the ledger: status reads, callbacks, launch recovery. */
export interface TaskSync {
  /** Reads one task's status and merges it; vendor trouble becomes an outcome, not an error. */
  readStatus(row: TaskRow, priority: RequestPriority, source: EventSource): Promise<PollOutcome>;
  /** An operator-priority status read (or, for a start whose answer was lost, a reconciliation). */
  refresh(id: string): Promise<TaskSummary>;
  poll: PollSource;
  /** Whether a callback about this vendor task on this account could be ours (see `CallbackSink.expects`). */
  expects(vendor: VendorId, accountId: string, vendorTaskId: string): boolean;
  /** Merges one verified callback; one for a task whose start has not answered yet is parked. */
  deliver(d: CallbackDelivery): Promise<CallbackResult>;
  /** Delivers the callbacks parked for a vendor task that the ledger now knows; answers how many merged. */
  release(vendor: VendorId, vendorTaskId: string): Promise<number>;
  /** Reconciles every task a previous run left open; once at launch, before polling starts. */
  recover(): Promise<RecoveryReport>;
  /** The operator is (or stops) looking at a task: while the watch holds, it is read every 2 s. */
  watch(id: string, watching: boolean): { until: number | null };
}

/**
 * Status reads, sweeps, callbacks and launch recovery, all merged through the journal. Tasks a sweep
 * covers are read only when the sweep asks, the operator watches them, or their files are pending
 * (stopping, uploading); every other task is polled by the scheduler's intervals.
 */
export function createTaskSync(deps: TaskSyncDeps): TaskSync {
  const { journal, link } = deps;
  const inbox = new CallbackInbox(deps.now);
  const sweeper = createSweeper(deps);
  /** When the last status read of each task began. */
  const lastRead = new Map<string, number>();
  const watches = new Map<string, number>();

  async function readStatus(row: TaskRow, priority: RequestPriority, source: EventSource): Promise<PollOutcome> {
    const conn = await link.connect(row);
    if (!conn.status) return 'done';
    const startedAt = deps.now();
    const answered = (outcome: PollOutcome): PollOutcome => {
      lastRead.set(row.id, startedAt);
      sweeper.readDone(row.id, startedAt, journal.reads.get(row.id)?.state ?? null);
      return outcome;
    };
    try {
      const read = await conn.status(link.ref(row), link.call(row.id, priority));
      const didChange = journal.applyStatus(row.id, read, source);
      if (isTerminal(journal.require(row.id).state)) return answered('done');
      return answered(didChange ? 'changed' : 'unchanged');
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'VENDOR_TASK_NOT_FOUND') {
        journal.markForgotten(row.id, e);
        return answered('forgotten');
      }
      if (unreachable(e)) return 'unreachable';
      journal.recordError(row.id, source, msg('task.action.status'), e, true);
      return 'error';
    }
  }

  function targets(): PollTarget[] {
    const accounts = new Map(deps.accountRecords().map((a) => [a.id, a]));
    const now = deps.now();
    const covers = sweeper.coverage();
    const open = new Set<string>();
    const out: PollTarget[] = [];
    for (const head of journal.heads.open()) {
      open.add(head.id);
      if (head.forgotten || head.vendorTaskId === null || head.accountId === null) continue;
      const account = accounts.get(head.accountId);
      if (!account) continue;
      const lane = link.adapter(head).pollLane(account);
      if (!lane) continue;
      const watched = (watches.get(head.id) ?? 0) > now ? (lastRead.get(head.id) ?? 0) + WATCH_INTERVAL_MS : undefined;
      const swept = covers(head);
      const asks = [swept ? sweeper.wanted(head.id) : undefined, watched].filter((t): t is number => t !== undefined);
      const dueAt = asks.length > 0 ? Math.min(...asks) : swept ? null : undefined;
      const target: PollTarget = { id: head.id, laneKey: lane.laneKey, ratePerSecond: lane.ratePerSecond, state: head.state, lastSeenAt: head.lastSeenAt, changedAt: head.updatedAt };
      out.push(dueAt === undefined ? target : { ...target, dueAt });
    }
    for (const id of lastRead.keys()) if (!open.has(id)) lastRead.delete(id);
    sweeper.keepOnly(open);
    for (const [id, until] of watches) if (until <= now) watches.delete(id);
    return out;
  }

  async function poll(id: string): Promise<PollOutcome> {
    const row = journal.reads.get(id);
    if (!row || row.forgotten || row.vendorTaskId === null || isTerminal(row.state)) return 'done';
    try {
      return await readStatus(row, 'background', 'poll');
    } catch (e) {
      if (unreachable(e)) return 'unreachable';
      deps.log.warn('tasks.poll', { id, code: e instanceof AppFailure ? e.code : 'INTERNAL', ...(e instanceof AppFailure ? {} : { error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : typeof e }) });
      return 'error';
    }
  }

  /** A start on the account still waits for its vendor task id: a callback may be about it. */
  function startPending(accountId: string): boolean {
    return journal.heads.hasPendingStartOn(accountId, deps.now() - PARKED_TTL_MS);
  }

  function expects(vendor: VendorId, accountId: string, vendorTaskId: string): boolean {
    const head = journal.heads.byVendorTaskId(vendor, vendorTaskId);
    return head ? head.accountId === accountId : startPending(accountId);
  }

  async function deliver(d: CallbackDelivery): Promise<CallbackResult> {
    const row = journal.reads.byVendorTaskId(d.vendor, d.vendorTaskId);
    if (!row) {
      if (!startPending(d.accountId)) return 'unknown-task';
      inbox.park(d);
      return 'parked';
    }
    // Only the account the task was started on speaks for it, whoever else shares its vendor app.
    if (row.accountId !== d.accountId) return 'unknown-task';
    const adapter = link.adapter(row);
    return adapter.callbacks.bodySigned ? fact(row, d) : hint(row, d);
  }

  /** A signed body: merged, without file addresses off the task's storage, marked where nothing can confirm it. */
  function fact(row: TaskRow, d: CallbackDelivery): CallbackResult {
    const adapter = link.adapter(row);
    const target = row.storageTargetId === null ? null : deps.storageTarget(row.storageTargetId);
    const { files, notes } = keepOnStorage(d.patch.files ?? [], target);
    const patch = d.patch.files === undefined ? d.patch : { ...d.patch, files };
    const mark = adapter.descriptor.capabilities.query ? undefined : (event: Message) => msg('timeline.callbackOnly', { event, vendor: adapter.label });
    return journal.mergeCallback(row, { ...d, patch }, { ...(mark ? { mark } : {}), notes });
  }

  /**
   * A body anyone with one valid signature could have written: a timeline row says it came, and
   * where the vendor has a status query, the query (not the body) says what changed.
   */
  function hint(row: TaskRow, d: CallbackDelivery): CallbackResult {
    const adapter = link.adapter(row);
    if (!journal.hint(row, d, msg('timeline.callbackHint', { event: d.message, vendor: adapter.label }))) return 'duplicate';
    if (!adapter.descriptor.capabilities.query) return 'merged';
    check(row.id);
    return 'checking';
  }

  /** Tasks whose hint query is running, and whether another hint came meanwhile. */
  const checking = new Map<string, { again: boolean }>();

  /** Reads the task's status now; hints arriving while a read runs ask for one more read after it. */
  function check(id: string): void {
    const running = checking.get(id);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: true };
    checking.set(id, state);
    void (async () => {
      while (state.again) {
        state.again = false;
        const row = journal.reads.get(id);
        if (!row || row.forgotten || row.vendorTaskId === null || isTerminal(row.state)) break;
        await readStatus(row, 'background', 'poll').catch((e: unknown) => deps.log.warn('tasks.hint', { id, code: e instanceof AppFailure ? e.code : 'INTERNAL' }));
      }
    })().finally(() => checking.delete(id));
  }

  return {
    readStatus,
    async refresh(id) {
      const row = journal.require(id);
      requireCapability(link.adapter(row), 'query', msg('task.action.status'));
      if (row.vendorTaskId === null) {
        if (row.state === 'starting') await recoverTasks(deps, [row]);
        return journal.summaryOf(id);
      }
      const outcome = await readStatus(row, 'operator', 'operator');
      if (outcome === 'unreachable') {
        throw new AppFailure('VENDOR_UNREACHABLE', msg('error.vendorUnreachable'), { retryable: true });
      }
      return journal.summaryOf(id);
    },
    poll: { targets, poll, sweeps: sweeper.sweeps, sweep: sweeper.step },
    expects,
    deliver,
    async release(vendor, vendorTaskId) {
      let merged = 0;
      for (const d of inbox.take(vendor, vendorTaskId)) {
        if ((await deliver(d)) === 'merged') merged += 1;
      }
      return merged;
    },
    recover: () => recoverTasks(deps, journal.reads.inStates(RECONCILED_AT_LAUNCH)),
    watch(id, watching) {
      journal.require(id);
      if (!watching) {
        watches.delete(id);
        return { until: null };
      }
      const until = deps.now() + WATCH_LEASE_MS;
      watches.set(id, until);
      return { until };
    },
  };
}

function unreachable(e: unknown): boolean {
  return e instanceof AppFailure && (e.code === 'VENDOR_UNREACHABLE' || e.code === 'VENDOR_TIMEOUT');
}
