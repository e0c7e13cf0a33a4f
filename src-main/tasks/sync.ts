import { msg, OPEN_TASK_STATES, type EventSource, type TaskState, type TaskSummary, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { PollOutcome, PollSource, PollTarget } from '../scheduler/types';
import type { TaskRow } from '../store/task-ledger';
import type { CallbackDelivery } from '../vendors/callbacks';
import type { RequestPriority } from '../vendors/shared/rate-limiter';
import { CallbackInbox } from './inbox';
import type { TaskJournal } from './journal';
import { isTerminal } from './merge';
import { recoverTasks, type RecoveryReport } from './recovery';
import { requireCapability } from './refusals';
import type { VendorLink } from './vendor-link';

/** Open states a launch reconciles; an uploading task needs none, since polling follows its files. */
const RECONCILED_AT_LAUNCH: readonly TaskState[] = OPEN_TASK_STATES.filter((s) => s !== 'uploading');

export interface TaskSyncDeps {
  journal: TaskJournal;
  link: VendorLink;
  /** The accounts as stored, for the poll lanes (no secret is read). */
  accountRecords(): ReadonlyArray<{ id: string; environment: string; fields: Record<string, unknown> }>;
  log: Logger;
  now: () => number;
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
}

/** Status polls, callbacks and launch recovery, all merged through the journal. */
export function createTaskSync(deps: TaskSyncDeps): TaskSync {
  const { journal, link } = deps;
  const inbox = new CallbackInbox(deps.now);

  async function readStatus(row: TaskRow, priority: RequestPriority, source: EventSource): Promise<PollOutcome> {
    const conn = await link.connect(row);
    if (!conn.status) return 'done';
    try {
      const read = await conn.status(link.ref(row), link.call(row.id, priority));
      const didChange = journal.applyStatus(row.id, read, source);
      if (isTerminal(journal.require(row.id).state)) return 'done';
      return didChange ? 'changed' : 'unchanged';
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'VENDOR_TASK_NOT_FOUND') {
        journal.markForgotten(row.id, e);
        return 'forgotten';
      }
      if (unreachable(e)) return 'unreachable';
      journal.recordError(row.id, source, msg('task.action.status'), e, true);
      return 'error';
    }
  }

  function targets(): PollTarget[] {
    const accounts = new Map(deps.accountRecords().map((a) => [a.id, a]));
    const out: PollTarget[] = [];
    for (const row of journal.reads.inStates(OPEN_TASK_STATES)) {
      if (row.forgotten || row.vendorTaskId === null || row.accountId === null) continue;
      const account = accounts.get(row.accountId);
      if (!account) continue;
      const lane = link.adapter(row).pollLane(account);
      if (!lane) continue;
      out.push({ id: row.id, laneKey: lane.laneKey, ratePerSecond: lane.ratePerSecond, state: row.state, lastSeenAt: row.lastSeenAt, changedAt: row.updatedAt });
    }
    return out;
  }

  async function poll(id: string): Promise<PollOutcome> {
    const row = journal.reads.get(id);
    if (!row || row.forgotten || row.vendorTaskId === null || isTerminal(row.state)) return 'done';
    try {
      return await readStatus(row, 'background', 'poll');
    } catch (e) {
      if (unreachable(e)) return 'unreachable';
      deps.log.warn('tasks.poll', { id, code: e instanceof AppFailure ? e.code : 'INTERNAL' });
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
    poll: { targets, poll },
    deliver,
    async release(vendor, vendorTaskId) {
      let merged = 0;
      for (const d of inbox.take(vendor, vendorTaskId)) {
        if ((await deliver(d)) !== 'unknown-task') merged += 1;
      }
      return merged;
    },
    recover: () => recoverTasks(deps, journal.reads.inStates(RECONCILED_AT_LAUNCH)),
  };
}

function unreachable(e: unknown): boolean {
  return e instanceof AppFailure && (e.code === 'VENDOR_UNREACHABLE' || e.code === 'VENDOR_TIMEOUT');
}
