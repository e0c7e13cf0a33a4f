import { msg, RecordingRequestSchema, type ForeignTask, type TaskSummary } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { ForeignTaskStore } from '../store/foreign-tasks';
import type { ExchangeWrite } from '../store/task-ledger';
import type { VendorStatusRead } from '../vendors/adapter';
import type { TaskAccountAccess } from './actions';
import type { TaskJournal } from './journal';
import type { VendorLink } from './vendor-link';

export interface ForeignTasksDeps {
  journal: TaskJournal;
  link: VendorLink;
  store: ForeignTaskStore;
  accounts: Pick<TaskAccountAccess['accounts'], 'require'>;
  now: () => number;
  newId: () => string;
  /** The list of foreign tasks changed. */
  changed(): void;
}

/** What the operator does with tasks a sweep found that RecDeck did not start. */
export interface ForeignTasks {
  /** Every foreign task still running, dismissed ones included. */
  list(): ForeignTask[];
  /** Takes the task into the ledger: a row, a timeline, and every action like any other task. */
  adopt(id: string): Promise<TaskSummary>;
  /** Hides the task from Live's list (or, with `false`, shows it again) while it keeps running. */
  dismiss(id: string, dismissed: boolean): ForeignTask;
}

function notFound(id: string): AppFailure {
  return new AppFailure('NOT_FOUND', msg('foreign.gone'), { details: { id } });
}

/** Adoption reads the task's status once, so its ledger row starts from what the vendor says now. */
export function createForeignTasks(deps: ForeignTasksDeps): ForeignTasks {
  const { journal, link, store } = deps;

  async function adopt(id: string): Promise<TaskSummary> {
    const f = store.get(id);
    if (!f) throw notFound(id);
    const known = journal.heads.byVendorTaskId(f.vendor, f.vendorTaskId);
    if (known) {
      store.forgetTask(f.vendor, f.vendorTaskId);
      deps.changed();
      return journal.summaryOf(known.id);
    }
    const account = deps.accounts.require(f.accountId);
    const adapter = link.adapter(f);
    const conn = await link.connectAccount(account.id, account.vendor);
    const placeholder = RecordingRequestSchema.parse({ roomId: f.roomId });
    // The first read happens before the row exists; its exchange is stored with the row.
    const exchanges: ExchangeWrite[] = [];
    let read: VendorStatusRead | null = null;
    if (conn.status) {
      try {
        read = await conn.status({ vendorTaskId: f.vendorTaskId, request: placeholder }, { priority: 'operator', onExchange: (e) => exchanges.push(e) });
      } catch (e) {
        if (e instanceof AppFailure && e.code === 'VENDOR_TASK_NOT_FOUND') {
          store.markGone([id], deps.now());
          deps.changed();
          throw notFound(id);
        }
        throw e;
      }
    }
    const request = read && adapter.adoptedRequest ? adapter.adoptedRequest(f.roomId, read.status) : placeholder;
    const at = deps.now();
    const taskId = deps.newId();
    const row = journal.newRow(
      {
        id: taskId,
        vendor: f.vendor,
        accountId: account.id,
        accountName: account.name,
        roomId: f.roomId,
        vendorTaskId: f.vendorTaskId,
        startKey: `adopt:${f.vendor}:${account.id}:${f.vendorTaskId}`,
        mode: request.mode,
        request,
        storageTargetId: null,
        presetId: null,
        streamIds: '',
        startedAt: f.startedAt,
      },
      at,
    );
    if (!journal.adopt(row, msg('timeline.adopted', { taskId: f.vendorTaskId }))) {
      return journal.summaryOf(journal.reads.byStartKey(row.startKey)?.id ?? taskId);
    }
    for (const e of exchanges) journal.addExchange(taskId, e);
    if (read) journal.applyStatus(taskId, read, 'operator');
    store.forgetTask(f.vendor, f.vendorTaskId);
    deps.changed();
    return journal.summaryOf(taskId);
  }

  return {
    list: () => store.list(),
    adopt,
    dismiss(id, dismissed) {
      if (!store.get(id)) throw notFound(id);
      store.setDismissed(id, dismissed ? deps.now() : null);
      deps.changed();
      return store.get(id) as ForeignTask;
    },
  };
}
