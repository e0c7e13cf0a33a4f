import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { ForeignTask, RecordingRequest, SignedCurl, TaskAlert, TaskDetail, TaskPreview, TaskSummary, VendorId } from '@contract';
import type { Logger } from '../logging/logger';
import type { PollSource } from '../scheduler/types';
import { CallbackInboxStore } from '../store/callback-inbox';
import { ForeignTaskStore } from '../store/foreign-tasks';
import { SecretScrubber } from '../store/secret-scrubber';
import { TaskLedger } from '../store/task-ledger';
import type { CallbackSink } from '../vendors/callbacks';
import type { ConnectionCache } from '../vendors/connections';
import { createTaskActions, type TaskAccountAccess, type TaskActions } from './actions';
import { createForeignTasks, type ForeignTasks } from './foreign';
import { CallbackInbox } from './inbox';
import { TaskJournal } from './journal';
import { PresetStore, type PresetSave } from '../store/preset-store';
import { inspected, previewTask, signedCurl, type SignedCurlInput } from './preview';
import { adapterOf } from '../vendors/registry';
import type { RecoveryReport } from './recovery';
import { createTaskSync, type PollScope } from './sync';
import { createVendorLink } from './vendor-link';

export interface TaskServiceDeps {
  db: DatabaseSync;
  accounts: TaskAccountAccess;
  /** Vendor connections per account (the only way the service reaches a vendor). */
  connections: ConnectionCache;
  /** Called after every change of a task (the event batcher turns these into `tasks:changed`). */
  emitChanged(summary: TaskSummary): void;
  /** Called for what the operator must hear about now (`tasks:alerted`). */
  emitAlert(alert: TaskAlert): void;
  /** Called with every running foreign task whenever that list changes (`foreign:changed`). */
  emitForeign?(tasks: ForeignTask[]): void;
  log: Logger;
  now?: () => number;
  newId?: () => string;
  /** This desk (team mode): its tasks and timeline rows carry it. */
  deskId?: string | null;
  /** Which tasks this desk polls (team mode); without it, all of them. */
  pollScope?: PollScope;
  /** How long a finished task stays in `tasks:active` (ms). */
  recentMs?: number;
  /**
   * Where this account's callbacks should go, or null to leave the vendor's configuration alone
   * (the local receiver is reachable only for Sandbox accounts; real vendors need the operator's tunnel).
   */
  callbackTarget?: (vendor: VendorId, accountId: string) => string | null;
}

/** The task service: the channels' seam, and the poll source and callback sink of the scheduler and the receiver. */
export interface TaskService extends TaskActions {
  /** An operator-priority status read (or, for a start whose answer was lost, a reconciliation). */
  refresh(id: string): Promise<TaskSummary>;
  /** The operator is (or stops) looking at a task: while the watch holds, it is read every 2 s. */
  watch(id: string, watching: boolean): { until: number | null };
  /** Tasks a sweep found on an account that RecDeck did not start. */
  foreign: ForeignTasks;
  active(): TaskSummary[];
  /** One task's summary, or null when it is not (or no longer) here. */
  summary(id: string): TaskSummary | null;
  get(id: string): TaskDetail;
  preview(accountId: string, request: RecordingRequest): Promise<TaskPreview>;
  /** The form's start, or a task's status read, as a command line signed now (where the vendor's signature names no secret). */
  signedCurl(input: SignedCurlInput): Promise<SignedCurl>;
  presets: {
    list(): ReturnType<PresetStore['list']>;
    save(input: PresetSave): ReturnType<PresetStore['save']>;
    delete(id: string): { deleted: true };
  };
  /**
   * Reconciles every task a previous run left open; call once at launch. Polling may start at once: a
   * task joins the poll targets when it is reconciled, and `progressed` hears of each one.
   */
  recover(progressed?: () => void): Promise<RecoveryReport>;
  pollSource(): PollSource;
  callbackSink(): CallbackSink;
  countTasksForAccount(accountId: string): number;
}

/**
 * The task service in its parts: the journal (the only writer of task rows and events), the actions
 * (start and the operator's actions), the sync (polls, callbacks, launch recovery) and this facade.
 */
export function createTaskService(deps: TaskServiceDeps): TaskService {
  const now = deps.now ?? Date.now;
  const recentMs = deps.recentMs ?? 15 * 60_000;
  const newId = deps.newId ?? randomUUID;
  const journal = new TaskJournal({ db: deps.db, now, log: deps.log, deskId: deps.deskId ?? null, emitChanged: deps.emitChanged, emitAlert: deps.emitAlert });
  const link = createVendorLink(deps.connections, journal);
  const store = new ForeignTaskStore(deps.db);
  const foreignChanged = (): void => deps.emitForeign?.(store.list());
  const storageTarget = (id: string) => deps.accounts.storage.records().find((t) => t.id === id) ?? null;
  const inbox = new CallbackInbox(new CallbackInboxStore(deps.db), now);
  const startsInFlight = new Set<string>();
  const sync = createTaskSync({
    journal,
    link,
    foreign: store,
    accountRecords: () => deps.accounts.accounts.records(),
    foreignChanged,
    storageTarget,
    inbox,
    startsInFlight,
    log: deps.log,
    now,
    newId,
    ...(deps.pollScope ? { scope: deps.pollScope } : {}),
  });
  const actions = createTaskActions({ journal, link, sync, accounts: deps.accounts, startsInFlight, now, newId, ...(deps.callbackTarget ? { callbackTarget: deps.callbackTarget } : {}) });
  const foreign = createForeignTasks({ journal, link, store, accounts: deps.accounts.accounts, now, newId, changed: foreignChanged });
  const presets = new PresetStore(deps.db, now, newId);
  return {
    ...actions,
    refresh: sync.refresh,
    watch: sync.watch,
    foreign,
    active: () => journal.reads.active(now() - recentMs).map((r) => journal.reads.summary(r)),
    summary(id) {
      const row = journal.reads.get(id);
      return row ? journal.reads.summary(row) : null;
    },
    get(id) {
      const row = journal.require(id);
      const adapter = adapterOf(row.vendor);
      const account = row.accountId === null ? null : (deps.accounts.accounts.records().find((a) => a.id === row.accountId) ?? null);
      return {
        task: journal.reads.summary(row),
        request: row.request,
        storageTargetId: row.storageTargetId,
        files: journal.reads.files(id),
        events: journal.reads.events(id),
        exchanges: journal.reads.exchanges(id).map((x) => inspected(x, adapter, account)),
        extra: row.extra,
      };
    },
    preview: (accountId, request) => previewTask(deps.accounts, journal.scrubber, accountId, request),
    signedCurl: (input) => signedCurl(deps.accounts, journal, journal.scrubber, input, now()),
    presets: {
      list: () => presets.list(),
      save: (input) => presets.save(input),
      delete: (id) => presets.delete(id),
    },
    recover: sync.recover,
    pollSource: () => sync.poll,
    callbackSink: () => ({ expects: sync.expects, deliver: sync.deliver }),
    countTasksForAccount: (accountId) => journal.reads.countForAccount(accountId),
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
