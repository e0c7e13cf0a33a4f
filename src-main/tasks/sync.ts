import { msg, OPEN_TASK_STATES, type EventSource, type TaskState, type TaskSummary, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { PollOutcome, PollSource, PollTarget } from '../scheduler/types';
import type { ForeignTaskStore } from '../store/foreign-tasks';
import type { StorageTargetRecord } from '../store/storage-repo';
import type { TaskHead } from '../store/task-heads';
import type { TaskRow } from '../store/task-ledger';
import type { CallbackDelivery, CallbackResult } from '../vendors/callbacks';
import type { RateLane, RequestPriority } from '../vendors/shared/rate-limiter';
import type { CallbackInbox } from './inbox';
import { createCallbackIntake } from './intake';
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
/** How long RecDeck keeps asking a vendor whether a start whose answer was lost created a task. */
const START_CONFIRM_MS = 2 * 60_000;

/**
 * Which tasks of a vendor account key this desk reads (team mode, issue 14): `all` where it leads the
 * key (or is in no team), `own` (only the tasks it started) while cut off from the team, `none` where
 * another desk leads.
 */
export type PollMode = 'all' | 'own' | 'none';

/** The team's say on polling, asked before every poll list. */
export interface PollScope {
  of(accountKey: string): PollMode;
}

export interface TaskSyncDeps {
  journal: TaskJournal;
  link: VendorLink;
  foreign: ForeignTaskStore;
  /** The accounts as stored, for the poll and sweep lanes (no secret is read). */
  accountRecords(): ReadonlyArray<{ id: string; vendor: VendorId; environment: string; fields: Record<string, unknown> }>;
  /** The list of foreign tasks changed. */
  foreignChanged(): void;
  /** Starts waiting for their vendor's answer in this process: not yet a start whose answer was lost. */
  startsInFlight: ReadonlySet<string>;
  /** A storage target's non-secret fields, or null once it is gone. */
  storageTarget(id: string): StorageTargetRecord | null;
  /** Callbacks acknowledged and not done with yet. */
  inbox: CallbackInbox;
  log: Logger;
  now: () => number;
  newId: () => string;
  /** Without it every task is read (a desk alone). */
  scope?: PollScope;
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
  /** Takes one verified callback; it is in SQLite (the ledger or the inbox) when this resolves. */
  deliver(d: CallbackDelivery): Promise<CallbackResult>;
  /** Delivers the callbacks parked for a vendor task that the ledger now knows. */
  release(vendor: VendorId, vendorTaskId: string): Promise<void>;
  /**
   * Asks again for what hints of an earlier run were still waiting for, and reconciles every task it
   * left open; once at launch. Polling need not wait: a task is left out of the poll targets until it
   * is reconciled, and sweeps wait only for the starts that never learned their vendor task id (a
   * sweep would take their task for one not started here). `progressed` hears of every task done.
   */
  recover(progressed?: () => void): Promise<RecoveryReport>;
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
  const scope: PollScope = deps.scope ?? { of: () => 'all' };
  const sweeper = createSweeper({ ...deps, sweepsKey: (key) => scope.of(key) === 'all' });
  /** When the last status read of each task began. */
  const lastRead = new Map<string, number>();
  /** The launch's reconciliation while it runs: tasks not done yet, and how many of them have no vendor id. */
  let recovering: { pending: Set<string>; unresolved: number; total: number } | null = null;
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
      return e instanceof AppFailure && e.code === 'VENDOR_RATE_LIMITED' ? 'rate-limited' : 'error';
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
      if (recovering?.pending.has(head.id)) continue;
      if (head.forgotten || head.accountId === null) continue;
      const account = accounts.get(head.accountId);
      if (!account) continue;
      const adapter = link.adapter(head);
      if (head.vendorTaskId === null) {
        // A start whose answer was lost is its own desk's to confirm: only that desk knows what is still in flight.
        if (head.deskId !== null && head.deskId !== journal.deskId) continue;
        const lane = pendingStartLane(head, account);
        if (lane) out.push({ id: head.id, accountId: head.accountId, laneKey: lane.laneKey, ratePerSecond: lane.ratePerSecond, state: head.state, lastSeenAt: null, changedAt: head.updatedAt });
        continue;
      }
      const mode = scope.of(adapter.accountKey(account));
      if (mode === 'none' || (mode === 'own' && head.deskId !== journal.deskId)) continue;
      const lane = adapter.pollLane(account);
      if (!lane) continue;
      const watched = (watches.get(head.id) ?? 0) > now ? (lastRead.get(head.id) ?? 0) + WATCH_INTERVAL_MS : undefined;
      const swept = covers(head);
      const asks = [swept ? sweeper.wanted(head.id) : undefined, watched].filter((t): t is number => t !== undefined);
      const dueAt = asks.length > 0 ? Math.min(...asks) : swept ? null : undefined;
      const target: PollTarget = { id: head.id, accountId: head.accountId, laneKey: lane.laneKey, ratePerSecond: lane.ratePerSecond, state: head.state, lastSeenAt: head.lastSeenAt, changedAt: head.updatedAt };
      out.push(dueAt === undefined ? target : { ...target, dueAt });
    }
    for (const id of lastRead.keys()) if (!open.has(id)) lastRead.delete(id);
    sweeper.keepOnly(open);
    for (const [id, until] of watches) if (until <= now) watches.delete(id);
    return out;
  }

  /** A start whose answer was lost is read through the vendor's task list, where the vendor has one. */
  function pendingStartLane(head: TaskHead, account: { environment: string; fields: Record<string, unknown> }): RateLane | null {
    const adapter = link.adapter(head);
    if (head.state !== 'starting' || deps.startsInFlight.has(head.id) || !adapter.descriptor.capabilities.listTasks) return null;
    return adapter.sweepLane?.(account) ?? adapter.pollLane(account);
  }

  /**
   * Asks the vendor whether a start whose answer was lost created a task: found, it is the task's and
   * is read at once; not found, the start failed; unclear, asked again (the scheduler backs off) until
   * {@link START_CONFIRM_MS} after the start, then the task is lost with that reason.
   */
  async function confirmStart(row: TaskRow, priority: RequestPriority): Promise<PollOutcome> {
    const conn = await link.connect(row);
    if (!conn.reconcileStart) return 'done';
    const known = journal.reads.knownVendorTaskIds(row.vendor, row.roomId);
    const found = await conn.reconcileStart({ roomId: row.roomId, sentAt: row.createdAt, knownTaskIds: known }, link.call(row.id, priority));
    const vendor = link.adapter(row).label;
    if (found.outcome === 'started') {
      journal.resolveStart(row.id, found.taskId, 'system', { reconciled: true });
      await intake.release(row.vendor, found.taskId);
      await readStatus(journal.require(row.id), priority, 'system');
      return 'changed';
    }
    if (found.outcome === 'not-started') {
      journal.startNotFound(row.id, vendor);
      return 'done';
    }
    if (deps.now() - row.createdAt < START_CONFIRM_MS) return 'error';
    journal.markLost(row.id, msg('timeline.lostWhy.unconfirmed', { vendor }), msg('alert.startUnconfirmed'));
    return 'done';
  }

  async function poll(id: string): Promise<PollOutcome> {
    const row = journal.reads.get(id);
    if (!row || row.forgotten || isTerminal(row.state)) return 'done';
    try {
      if (row.vendorTaskId === null) return row.state === 'starting' && !deps.startsInFlight.has(id) ? await confirmStart(row, 'background') : 'done';
      return await readStatus(row, 'background', 'poll');
    } catch (e) {
      if (unreachable(e)) return 'unreachable';
      deps.log.warn('tasks.poll', { id, code: e instanceof AppFailure ? e.code : 'INTERNAL', ...(e instanceof AppFailure ? {} : { error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : typeof e }) });
      return 'error';
    }
  }

  const intake = createCallbackIntake({ ...deps, read: (row) => readStatus(row, 'background', 'poll') });
  const recovery = { ...deps, release: intake.release };

  return {
    readStatus,
    async refresh(id) {
      const row = journal.require(id);
      requireCapability(link.adapter(row), 'query', msg('task.action.status'));
      if (row.vendorTaskId === null) {
        if (row.state === 'starting' && !deps.startsInFlight.has(id)) await confirmStart(row, 'operator');
        return journal.summaryOf(id);
      }
      const outcome = await readStatus(row, 'operator', 'operator');
      if (outcome === 'unreachable') {
        throw new AppFailure('VENDOR_UNREACHABLE', msg('error.vendorUnreachable'), { retryable: true });
      }
      return journal.summaryOf(id);
    },
    poll: {
      targets,
      poll,
      sweeps: () => (recovering && recovering.unresolved > 0 ? [] : sweeper.sweeps()),
      sweep: sweeper.step,
      recovery: () => (recovering ? { checked: recovering.total - recovering.pending.size, total: recovering.total } : null),
    },
    expects: intake.expects,
    deliver: intake.deliver,
    release: intake.release,
    async recover(progressed = () => undefined) {
      intake.resume();
      // Each desk reconciles only what it started: another desk's open task is that desk's (or the leader's) to settle.
      const rows = journal.reads.inStates(RECONCILED_AT_LAUNCH).filter((r) => r.deskId === null || r.deskId === journal.deskId);
      const run = { pending: new Set(rows.map((r) => r.id)), unresolved: rows.filter((r) => r.vendorTaskId === null).length, total: rows.length };
      recovering = run;
      try {
        return await recoverTasks(recovery, rows, (row) => {
          run.pending.delete(row.id);
          if (row.vendorTaskId === null) run.unresolved -= 1;
          progressed();
        });
      } finally {
        recovering = null;
        progressed();
      }
    },
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
