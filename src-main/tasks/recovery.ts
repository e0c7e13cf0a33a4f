import { RUNNING_TASK_STATES } from '@contract';
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

const STILL_RUNNING = {
  en: 'A recording from an earlier session is still running — it may be billing.',
  'zh-CN': '上次运行时启动的录制仍在进行，可能仍在计费。',
};

/**
 * Reconciles tasks a previous run left open with their vendor: a start that crashed before the
 * vendor answered is found (where the vendor can list tasks) or marked lost; a task with a vendor id
 * is read once where the vendor has a status query, and otherwise keeps its state with a note.
 * Anything still running raises a `still-running` alert.
 */
export async function recoverTasks(deps: RecoveryDeps, rows: readonly TaskRow[]): Promise<RecoveryReport> {
  const report: RecoveryReport = { checked: 0, resolved: 0, lost: 0, forgotten: 0, stillRunning: 0, deferred: 0 };
  for (const row of rows) {
    report.checked += 1;
    try {
      await recoverOne(deps, row, report);
    } catch (e) {
      report.deferred += 1;
      deps.log.warn('tasks.recover', { id: row.id, code: e instanceof AppFailure ? e.code : e instanceof Error ? e.name : 'error' });
      deps.journal.note(row.id, 'system', 'could not reconcile with the vendor at launch; status polling will retry');
      deps.journal.changed(row.id);
    }
  }
  deps.log.info('tasks.recovered', { ...report });
  return report;
}

async function recoverOne({ journal, link }: RecoveryDeps, row: TaskRow, report: RecoveryReport): Promise<void> {
  const adapter = link.adapter(row);
  if (row.vendorTaskId === null) {
    if (row.accountId === null) {
      journal.markLost(row.id, 'the start was interrupted and its account is gone');
      report.lost += 1;
      return;
    }
    const conn = await link.connect(row);
    if (!conn.reconcileStart) {
      journal.markLost(row.id, 'the start was interrupted before the vendor answered, and this vendor cannot list tasks to find it');
      report.lost += 1;
      return;
    }
    const outcome = await conn.reconcileStart(
      { roomId: row.roomId, sentAt: row.createdAt, knownTaskIds: journal.reads.knownVendorTaskIds(row.vendor, row.roomId) },
      link.call(row.id, 'background'),
    );
    if (outcome.outcome === 'not-started') {
      journal.markLost(row.id, 'the start was interrupted and the vendor has no task from it', {
        en: 'A start interrupted in an earlier session did not start a recording at the vendor.',
        'zh-CN': '上次运行中被中断的启动未在云端创建录制任务。',
      });
      report.lost += 1;
      return;
    }
    if (outcome.outcome === 'unknown') {
      journal.note(row.id, 'system', 'the start was interrupted; the vendor’s task list did not tell whether it started (refresh to retry)');
      journal.changed(row.id);
      report.deferred += 1;
      return;
    }
    journal.resolveStart(row.id, outcome.taskId, 'system', { reconciled: true });
    report.resolved += 1;
  }
  const fresh = journal.reads.get(row.id);
  if (!fresh) return;
  if (!adapter.descriptor.capabilities.query) {
    journal.note(row.id, 'system', `left ${fresh.state} by an earlier session; ${adapter.label} has no status query, so its status comes only from callbacks`);
    journal.changed(row.id);
    if (RUNNING_TASK_STATES.includes(fresh.state)) {
      journal.alert(row.id, 'still-running', {
        en: `A ${adapter.label} recording from an earlier session may still be running (${adapter.label} reports status only by callback) — it may be billing.`,
        'zh-CN': `上次运行时启动的 ${adapter.label} 录制可能仍在进行（${adapter.label} 仅通过回调报告状态），可能仍在计费。`,
      });
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
      journal.alert(row.id, 'still-running', STILL_RUNNING);
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
