import type { TaskState } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { TaskRow } from '../store/task-ledger';
import type { TaskEngine } from './task-service';

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

const RUNNING: readonly TaskState[] = ['starting', 'recording', 'paused'];

const STILL_RUNNING = {
  en: 'A recording from an earlier session is still running — it may be billing.',
  'zh-CN': '上次运行时启动的录制仍在进行，可能仍在计费。',
};

/**
 * Reconciles tasks a previous run left open with their vendor: a start that crashed before the
 * vendor answered is found (ZEGO DescribeTasks around its creation time) or marked lost; a task
 * with a vendor id is read once (ZEGO DescribeRecordStatus, TIW DescribeOnlineRecord); TRRO, which
 * has no query, keeps its state with a note. Anything still running raises a `still-running` alert.
 */
export async function recoverTasks(engine: TaskEngine, rows: readonly TaskRow[]): Promise<RecoveryReport> {
  const report: RecoveryReport = { checked: 0, resolved: 0, lost: 0, forgotten: 0, stillRunning: 0, deferred: 0 };
  for (const row of rows) {
    report.checked += 1;
    try {
      await recoverOne(engine, row, report);
    } catch (e) {
      report.deferred += 1;
      engine.log.warn('tasks.recover', { id: row.id, code: e instanceof AppFailure ? e.code : e instanceof Error ? e.name : 'error' });
      engine.note(row.id, 'system', 'could not reconcile with the vendor at launch; status polling will retry');
      engine.changed(row.id);
    }
  }
  engine.log.info('tasks.recovered', { ...report });
  return report;
}

async function recoverOne(engine: TaskEngine, row: TaskRow, report: RecoveryReport): Promise<void> {
  const adapter = engine.adapter(row);
  if (row.vendorTaskId === null) {
    if (row.accountId === null) {
      engine.markLost(row.id, 'the start was interrupted and its account is gone');
      report.lost += 1;
      return;
    }
    const conn = await engine.connect(row);
    if (!conn.reconcileStart) {
      engine.markLost(row.id, 'the start was interrupted before the vendor answered, and this vendor cannot list tasks to find it');
      report.lost += 1;
      return;
    }
    const outcome = await conn.reconcileStart(
      { roomId: row.roomId, sentAt: row.createdAt, knownTaskIds: engine.ledger.knownVendorTaskIds(row.vendor, row.roomId) },
      engine.call(row.id, 'background'),
    );
    if (outcome.outcome === 'not-started') {
      engine.markLost(row.id, 'the start was interrupted and the vendor has no task from it', {
        en: 'A start interrupted in an earlier session did not start a recording at the vendor.',
        'zh-CN': '上次运行中被中断的启动未在云端创建录制任务。',
      });
      report.lost += 1;
      return;
    }
    if (outcome.outcome === 'unknown') {
      engine.note(row.id, 'system', 'the start was interrupted; the vendor’s task list did not tell whether it started (refresh to retry)');
      engine.changed(row.id);
      report.deferred += 1;
      return;
    }
    engine.resolveStart(row.id, outcome.taskId, 'system', { reconciled: true });
    report.resolved += 1;
  }
  const fresh = engine.ledger.get(row.id);
  if (!fresh) return;
  if (!adapter.descriptor.capabilities.query) {
    engine.note(row.id, 'system', `left ${fresh.state} by an earlier session; TRRO has no status query, so its status comes only from callbacks`);
    engine.changed(row.id);
    if (RUNNING.includes(fresh.state)) {
      engine.alert(row.id, 'still-running', {
        en: 'A TRRO recording from an earlier session may still be running (TRRO reports status only by callback) — it may be billing.',
        'zh-CN': '上次运行时启动的 TRRO 录制可能仍在进行（TRRO 仅通过回调报告状态），可能仍在计费。',
      });
      report.stillRunning += 1;
    }
    return;
  }
  const conn = await engine.connect(fresh);
  if (!conn.status) return;
  try {
    const read = await conn.status(engine.ref(fresh), engine.call(row.id, 'background'));
    engine.applyStatus(row.id, read, 'system');
    if (RUNNING.includes(read.status.state)) {
      engine.alert(row.id, 'still-running', STILL_RUNNING);
      report.stillRunning += 1;
    }
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'VENDOR_TASK_NOT_FOUND') {
      engine.markForgotten(row.id, e);
      report.forgotten += 1;
      return;
    }
    throw e;
  }
}
