import { msg, RUNNING_TASK_STATES, taskStateText, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { TaskRow } from '../store/task-ledger';
import type { TaskJournal } from './journal';
import type { VendorLink } from './vendor-link';

/** What recovery works with: the journal to write what it finds, the link to ask the vendor. */
export interface RecoveryDeps {
  journal: TaskJournal;
  link: VendorLink;
  log: Logger;
  /** Delivers the callbacks parked for a vendor task a start turned out to have created. */
  release(vendor: VendorId, vendorTaskId: string): Promise<void>;
}

/** What one launch's reconciliation found. */
export interface RecoveryReport {
  checked: number;
  /** Starts interrupted before the vendor answered whose vendor task was found. */
  resolved: number;
  lost: number;
  forgotten: number;
  /** Tasks the vendor says are still running (each raised a `still-running` alert). */
  stillRunning: number;
  /** Tasks left as they were because the vendor could not be reached or answered unclearly. */
  deferred: number;
}

/** Tasks with a vendor id reconciled side by side: their reads still go through each lane's rate limiter. */
const AT_ONCE = 16;

/**
 * Reconciles tasks a previous run left open with their vendor: a start that crashed before the
 * vendor answered is found (where the vendor can list tasks) or marked lost; a task with a vendor id
 * is read once where the vendor has a status query, and otherwise keeps its state with a note.
 * Anything still running raises a `still-running` alert. The interrupted starts go first, one at a
 * time (two in one room must not both claim the task a listing finds); then up to 16 tasks at once.
 * `checked` hears of each task as it is done with.
 */
export async function recoverTasks(deps: RecoveryDeps, rows: readonly TaskRow[], checked: (row: TaskRow) => void = () => undefined): Promise<RecoveryReport> {
  const report: RecoveryReport = { checked: 0, resolved: 0, lost: 0, forgotten: 0, stillRunning: 0, deferred: 0 };
  const one = async (row: TaskRow): Promise<void> => {
    try {
      await recoverOne(deps, row, report);
    } catch (e) {
      report.deferred += 1;
      deps.log.warn('tasks.recover', { id: row.id, code: e instanceof AppFailure ? e.code : e instanceof Error ? e.name : 'error' });
      deps.journal.note(row.id, 'system', msg('timeline.note.reconcileFailed'));
      deps.journal.changed(row.id);
    }
    report.checked += 1;
    checked(row);
  };
  for (const row of rows.filter((r) => r.vendorTaskId === null)) await one(row);
  const known = rows.filter((r) => r.vendorTaskId !== null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < known.length) await one(known[next++] as TaskRow);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, known.length) }, worker));
  deps.log.info('tasks.recovered', { ...report });
  return report;
}

async function recoverOne({ journal, link, release }: RecoveryDeps, row: TaskRow, report: RecoveryReport): Promise<void> {
  const adapter = link.adapter(row);
  if (row.vendorTaskId === null) {
    if (row.accountId === null) {
      journal.markLost(row.id, msg('timeline.lostWhy.accountGone'));
      report.lost += 1;
      return;
    }
    const conn = await link.connect(row);
    if (!conn.reconcileStart) {
      journal.markLost(row.id, msg('timeline.lostWhy.cannotList'));
      report.lost += 1;
      return;
    }
    const outcome = await conn.reconcileStart(
      { roomId: row.roomId, sentAt: row.createdAt, knownTaskIds: journal.reads.knownVendorTaskIds(row.vendor, row.roomId) },
      link.call(row.id, 'background'),
    );
    if (outcome.outcome === 'not-started') {
      journal.markLost(row.id, msg('timeline.lostWhy.notStarted'), msg('alert.notStarted'));
      report.lost += 1;
      return;
    }
    if (outcome.outcome === 'unknown') {
      journal.note(row.id, 'system', msg('timeline.note.startUnclear'));
      journal.changed(row.id);
      report.deferred += 1;
      return;
    }
    journal.resolveStart(row.id, outcome.taskId, 'system', { reconciled: true });
    report.resolved += 1;
    await release(row.vendor, outcome.taskId);
  }
  const fresh = journal.reads.get(row.id);
  if (!fresh) return;
  if (!adapter.descriptor.capabilities.query) {
    journal.note(row.id, 'system', msg('timeline.note.noQuery', { state: taskStateText(fresh.state), vendor: adapter.label }));
    journal.changed(row.id);
    if (RUNNING_TASK_STATES.includes(fresh.state)) {
      journal.alert(row.id, 'still-running', msg('alert.stillRunningNoQuery', { vendor: adapter.label }));
      report.stillRunning += 1;
    }
    return;
  }
  const conn = await link.connect(fresh);
  if (!conn.status) return;
  try {
    const read = await conn.status(link.ref(fresh), link.call(row.id, 'background'));
    journal.applyStatus(row.id, read, 'system');
    if (RUNNING_TASK_STATES.includes(read.status.state)) {
      journal.alert(row.id, 'still-running', msg('alert.stillRunning'));
      report.stillRunning += 1;
    }
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'VENDOR_TASK_NOT_FOUND') {
      journal.markForgotten(row.id, e);
      report.forgotten += 1;
      return;
    }
    throw e;
  }
}
