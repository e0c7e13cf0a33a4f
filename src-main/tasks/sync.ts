import { msg, OPEN_TASK_STATES, type EventSource, type TaskState, type TaskSummary, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { PollOutcome, PollSource, PollTarget } from '../scheduler/types';
import type { ForeignTaskStore } from '../store/foreign-tasks';
import type { TaskRow } from '../store/task-ledger';
import type { CallbackDelivery } from '../vendors/callbacks';
import type { RequestPriority } from '../vendors/shared/rate-limiter';
import { CallbackInbox } from './inbox';
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
  /** Merges one verified callback; a callback for a task not known yet is parked. */
  deliver(d: CallbackDelivery): Promise<'merged' | 'duplicate' | 'unknown-task'>;
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
  const scope: PollScope = deps.scope ?? { of: () => 'all' };
  const sweeper = createSweeper({ ...deps, sweepsKey: (key) => scope.of(key) === 'all' });
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
      const adapter = link.adapter(head);
      const mode = scope.of(adapter.accountKey(account));
      if (mode === 'none' || (mode === 'own' && head.deskId !== journal.deskId)) continue;
      const lane = adapter.pollLane(account);
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

  async function deliver(d: CallbackDelivery): Promise<'merged' | 'duplicate' | 'unknown-task'> {
    const row = journal.reads.byVendorTaskId(d.vendor, d.vendorTaskId);
    if (!row) {
      inbox.park(d);
      return 'unknown-task';
    }
    return journal.mergeCallback(row, d);
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
    deliver,
    async release(vendor, vendorTaskId) {
      let merged = 0;
      for (const d of inbox.take(vendor, vendorTaskId)) {
        if ((await deliver(d)) !== 'unknown-task') merged += 1;
      }
      return merged;
    },
    // Each desk reconciles only what it started: another desk's open task is that desk's (or the leader's) to settle.
    recover: () => recoverTasks(deps, journal.reads.inStates(RECONCILED_AT_LAUNCH).filter((r) => r.deskId === null || r.deskId === journal.deskId)),
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
