import type { DatabaseSync } from 'node:sqlite';
import { formatMessage, msg, taskStateText, type AfterStart, type EventSource, type Message, type TaskAlert, type TaskState, type TaskSummary, type TimelineEventDraft, type VendorStatus } from '@contract';
import { AppFailure, toAppError } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import { SecretScrubber } from '../store/secret-scrubber';
import { TaskHeads } from '../store/task-heads';
import { TaskLedger, type ExchangeWrite, type TaskPatch, type TaskRow } from '../store/task-ledger';
import type { VendorStartResult, VendorStatusRead } from '../vendors/adapter';
import type { CallbackDelivery } from '../vendors/callbacks';
import { adapterOf } from '../vendors/registry';
import { alertsFor, callbackStatus, changeEvents, mergeState, mergeStatus, streamIdsOf } from './merge';

export interface JournalDeps {
  db: DatabaseSync;
  now: () => number;
  log: Logger;
  /** This desk (team mode): the tasks it starts and every timeline row it writes carry it. */
  deskId?: string | null;
  /** After every change of a task (the batcher turns these into `tasks:changed`). */
  emitChanged(summary: TaskSummary): void;
  /** What the operator must hear about now (`tasks:alerted`). */
  emitAlert(alert: TaskAlert): void;
}

/** The ledger's reads; only the journal writes. */
export type TaskReads = Pick<
  TaskLedger,
  'get' | 'byStartKey' | 'byVendorTaskId' | 'inStates' | 'active' | 'knownVendorTaskIds' | 'countForAccount' | 'files' | 'events' | 'exchanges' | 'summary'
>;

/** What a new task row says of itself; everything else starts empty. */
export type NewTask = Pick<
  TaskRow,
  'id' | 'vendor' | 'accountId' | 'accountName' | 'roomId' | 'vendorTaskId' | 'startKey' | 'mode' | 'request' | 'storageTargetId' | 'presetId' | 'streamIds' | 'startedAt'
>;

/** One merged status: whether it changed the task, its state before and after, the rows it wrote. */
interface Applied {
  changed: boolean;
  before: TaskState;
  after: TaskState;
  drafts: TimelineEventDraft[];
}

/**
 * The only writer of task rows and their timeline. Each change is one transaction; after it the
 * task's summary goes out, and whatever the operator must hear about now is alerted. Every vendor
 * exchange is stored redacted, and every secret the service has seen is scrubbed from what is written.
 */
export class TaskJournal {
  readonly scrubber = new SecretScrubber();
  readonly reads: TaskReads;
  /** Heads of tasks, for polling and sweeps. */
  readonly heads: Pick<TaskHeads, 'open' | 'byVendorTaskId' | 'hasPendingStart' | 'hasPendingStartOn'>;
  /** This desk, or null outside team mode's bookkeeping (tests). */
  readonly deskId: string | null;
  private readonly ledger: TaskLedger;
  private readonly headSql: TaskHeads;

  constructor(private readonly deps: JournalDeps) {
    this.deskId = deps.deskId ?? null;
    this.ledger = new TaskLedger(deps.db, this.scrubber, this.deskId);
    this.reads = this.ledger;
    this.headSql = new TaskHeads(deps.db);
    this.heads = this.headSql;
  }

  /** A task of this desk about to start (or be adopted) at `at`: starting, not yet read, no error. */
  newRow(task: NewTask, at: number): TaskRow {
    return { ...task, state: 'starting', rawStatus: '', createdAt: at, endedAt: null, updatedAt: at, lastSeenAt: null, forgotten: false, finishReason: null, error: null, extra: {}, deskId: this.deskId };
  }

  /** The task, or `NOT_FOUND`. */
  require(id: string): TaskRow {
    const row = this.ledger.get(id);
    if (!row) throw new AppFailure('NOT_FOUND', msg('task.notFound', { id }), { details: { id } });
    return row;
  }

  summaryOf(id: string): TaskSummary {
    return this.ledger.summary(this.require(id));
  }

  changed(id: string): void {
    const row = this.ledger.get(id);
    if (row) this.deps.emitChanged(this.ledger.summary(row));
  }

  /** Raises an alert that names the recording: its room, vendor and account. */
  alert(id: string, kind: TaskAlert['kind'], message: TaskAlert['message']): void {
    const row = this.ledger.get(id);
    if (!row) return;
    this.deps.emitAlert({ taskId: id, roomId: row.roomId, vendor: row.vendor, accountName: row.accountName, kind, message, at: this.deps.now() });
  }

  /** Writes a new task and its first event before the vendor is called; false when its start key is taken. */
  open(row: TaskRow): boolean {
    const inserted = this.ledger.tx(() => {
      const ok = this.ledger.insert(row);
      if (ok) this.ledger.addEvent(row.id, { at: row.createdAt, source: 'operator', kind: 'action', message: msg('timeline.startRequested'), state: 'starting', raw: { request: row.request } });
      return ok;
    });
    if (inserted) this.changed(row.id);
    return inserted;
  }

  /**
   * The vendor accepted the start. A vendor that cannot be asked (no status query) puts the task
   * straight into its descriptor's `afterStart` state; `note` goes on the timeline for the operator.
   */
  started(id: string, result: VendorStartResult, after: AfterStart, note: Message | null): void {
    this.ledger.tx(() => {
      const t = this.deps.now();
      const moves = after.state !== 'starting';
      const rawStatus = after.rawStatus === null ? {} : { rawStatus: after.rawStatus };
      this.ledger.update(id, { vendorTaskId: result.vendorTaskId, updatedAt: t, ...(moves ? { state: after.state, startedAt: t, ...rawStatus } : {}) });
      const message = msg(result.reconciled ? 'timeline.startedReconciled' : 'timeline.started', { taskId: result.vendorTaskId, requestId: result.requestId ?? '—' });
      const raw = { requestId: result.requestId, reconciled: result.reconciled, sentBody: result.sentBody };
      this.ledger.addEvent(id, { at: t, source: 'operator', kind: 'action', message, state: after.state, raw });
      if (note) this.ledger.addEvent(id, { at: t, source: 'system', kind: 'note', message: note, state: after.state });
    });
    this.changed(id);
  }

  /** The vendor refused the start: nothing runs there. */
  startRejected(id: string, e: unknown): void {
    const error = toAppError(e);
    this.ledger.tx(() => {
      const t = this.deps.now();
      this.ledger.update(id, { state: 'failed', finishReason: formatMessage('en', msg('finishReason.startRejected')), error, updatedAt: t, endedAt: t });
      this.ledger.addEvent(id, { at: t, source: 'operator', kind: 'error', message: msg('timeline.startFailed', { code: error.code }), state: 'failed', raw: error });
    });
    this.changed(id);
  }

  /** A start whose answer was lost, and the vendor has no task from it: nothing runs there. */
  startNotFound(id: string, vendor: string): void {
    this.ledger.tx(() => {
      const t = this.deps.now();
      this.ledger.update(id, { state: 'failed', finishReason: formatMessage('en', msg('finishReason.notStarted')), updatedAt: t, endedAt: t });
      this.ledger.addEvent(id, { at: t, source: 'system', kind: 'state-changed', message: msg('timeline.startNotFound', { vendor }), state: 'failed' });
    });
    this.changed(id);
    this.alert(id, 'failed', msg('alert.notStartedNow'));
  }

  /** An operator action the vendor accepted: a timeline row with its RequestId and the state it leads to. */
  actionDone(id: string, label: Message, expected: TaskState | null, result: { requestId: string; sentBody?: unknown }, patch: (row: TaskRow) => TaskPatch = () => ({})): void {
    this.ledger.tx(() => {
      const fresh = this.require(id);
      const at = this.deps.now();
      const state = expected === null ? fresh.state : mergeState(fresh.state, expected, false);
      const raw = { requestId: result.requestId, ...(result.sentBody === undefined ? {} : { sentBody: result.sentBody }) };
      this.ledger.addEvent(id, { at, source: 'operator', kind: 'action', message: msg('timeline.actionDone', { action: label, requestId: result.requestId || '—' }), state, raw });
      this.ledger.update(id, { state, updatedAt: at, error: null, ...patch(fresh) });
    });
    this.changed(id);
  }

  /**
   * Merges a status read into the ledger. Returns whether anything changed; an unchanged status only
   * refreshes `lastSeenAt` and writes no event.
   */
  applyStatus(id: string, read: VendorStatusRead, source: EventSource): boolean {
    const r = this.ledger.tx(() => this.applyInTx(id, read, source, false));
    this.afterApply(id, r);
    return r.changed;
  }

  /**
   * Merges one callback whose body is a fact: its own timeline row (once per dedupe key), then what it
   * says about the task, ordered by the callback's time rather than its arrival. `mark` rewrites the
   * message of every row that states a fact only the callback vouches for; `notes` go on the timeline
   * with it (what was left out of it).
   */
  mergeCallback(row: TaskRow, d: CallbackDelivery, options: { mark?: (m: Message) => Message; notes?: Message[] } = {}): 'merged' | 'duplicate' {
    const mark = options.mark ?? ((m: Message) => m);
    const states = d.patch.state !== undefined || (d.patch.files?.length ?? 0) > 0;
    const outcome = this.ledger.tx(() => {
      const fresh = this.require(row.id);
      const message = states ? mark(d.message) : d.message;
      const inserted = this.ledger.addEvent(row.id, { at: d.at, source: 'callback', kind: 'callback', message, state: d.patch.state ?? null, raw: d.raw }, d.dedupeKey);
      if (!inserted) return null;
      for (const note of options.notes ?? []) this.ledger.addEvent(row.id, { at: d.at, source: 'callback', kind: 'note', message: note, state: fresh.state });
      const latest = d.patch.state ? (this.ledger.lastStateAt(row.id, 'callback') ?? d.at) : d.at;
      return this.applyInTx(row.id, { status: callbackStatus(fresh, d), requestId: null, raw: undefined }, 'callback', latest > d.at, mark);
    });
    if (outcome === null) return 'duplicate';
    if (outcome.changed) this.afterApply(row.id, outcome);
    else this.changed(row.id);
    return 'merged';
  }

  /**
   * A callback whose body nobody vouches for: a timeline row (once per dedupe key) with `message`, and
   * nothing else; `alongside` runs in the same transaction when the row is new. Answers whether it was.
   */
  hint(row: TaskRow, d: CallbackDelivery, message: Message, alongside: () => void): boolean {
    const inserted = this.ledger.tx(() => {
      const fresh = this.ledger.addEvent(row.id, { at: d.at, source: 'callback', kind: 'callback', message, state: null, raw: d.raw }, d.dedupeKey);
      if (fresh) alongside();
      return fresh;
    });
    if (inserted) this.changed(row.id);
    return inserted;
  }

  /** A sweep found these tasks as the ledger has them: their status is confirmed as of `at`, and nothing else changes. */
  confirmSeen(ids: readonly string[], at: number): void {
    if (ids.length > 0) this.ledger.tx(() => this.headSql.confirmSeen(ids, at));
  }

  /**
   * A task RecDeck did not start joins the ledger: its row (false when it is already there) and a
   * first timeline row saying where it came from. Its status follows from a read like any other task's.
   */
  adopt(row: TaskRow, message: Message): boolean {
    const inserted = this.ledger.tx(() => {
      const ok = this.ledger.insert(row);
      if (ok) this.ledger.addEvent(row.id, { at: row.createdAt, source: 'operator', kind: 'action', message, state: row.state, raw: { vendorTaskId: row.vendorTaskId } });
      return ok;
    });
    if (inserted) this.changed(row.id);
    return inserted;
  }

  /** The vendor no longer knows the task: it keeps its last known state, and polling stops. */
  markForgotten(id: string, e: unknown): void {
    const done = this.ledger.tx(() => {
      const row = this.require(id);
      if (row.forgotten) return false;
      const at = this.deps.now();
      this.ledger.update(id, { forgotten: true, updatedAt: at });
      this.ledger.addEvent(id, { at, source: 'system', kind: 'note', message: msg('timeline.forgotten', { state: taskStateText(row.state) }), state: row.state, raw: toAppError(e) });
      return true;
    });
    if (done) this.changed(id);
  }

  /** A start whose answer was lost turned out to have created `vendorTaskId`. */
  resolveStart(id: string, vendorTaskId: string, source: EventSource, raw: unknown): void {
    this.ledger.tx(() => {
      const at = this.deps.now();
      this.ledger.update(id, { vendorTaskId, updatedAt: at, error: null });
      this.ledger.addEvent(id, { at, source, kind: 'action', message: msg('timeline.resolved', { taskId: vendorTaskId }), state: this.require(id).state, raw });
    });
    this.changed(id);
  }

  markLost(id: string, why: Message, message?: TaskAlert['message']): void {
    this.ledger.tx(() => {
      const at = this.deps.now();
      this.ledger.update(id, { state: 'lost', updatedAt: at, endedAt: at });
      this.ledger.addEvent(id, { at, source: 'system', kind: 'state-changed', message: msg('timeline.lost', { why }), state: 'lost' });
    });
    this.changed(id);
    this.alert(id, 'lost', message ?? msg('alert.lostInterrupted'));
  }

  /** A failed call as the task's error and a timeline row; with `dedupe`, a repeat of the same code writes nothing. */
  recordError(id: string, source: EventSource, action: Message, e: unknown, dedupe: boolean): void {
    const error = toAppError(e);
    const wrote = this.ledger.tx(() => {
      const row = this.require(id);
      if (dedupe && row.error?.code === error.code) return false;
      const at = this.deps.now();
      this.ledger.update(id, { error, updatedAt: at });
      this.ledger.addEvent(id, { at, source, kind: 'error', message: msg('timeline.actionFailed', { action, code: error.code }), state: row.state, raw: error });
      return true;
    });
    if (wrote) this.changed(id);
  }

  /** A note on the timeline; the caller says when the change goes out. */
  note(id: string, source: EventSource, message: Message, raw?: unknown): void {
    const row = this.require(id);
    this.ledger.addEvent(id, { at: this.deps.now(), source, kind: 'note', message, state: row.state, ...(raw === undefined ? {} : { raw }) });
  }

  /** Stores one vendor exchange with its task; a failed write is logged, never thrown into the vendor call. */
  addExchange(taskId: string, e: ExchangeWrite): void {
    try {
      this.ledger.addExchange(taskId, e);
    } catch (err) {
      this.deps.log.error('tasks.exchange-write', { taskId, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private applyInTx(id: string, read: VendorStatusRead, source: EventSource, stale: boolean, mark: (m: Message) => Message = (m) => m): Applied {
    const row = this.require(id);
    const at = this.deps.now();
    const stored = this.ledger.knownStatus(row);
    // Vendor facts seen for the first time are a baseline, not a change (TIW ExceptionCnt 0 is no error).
    const known = row.lastSeenAt === null ? { ...stored, extra: { ...read.status.extra, ...stored.extra } } : stored;
    const next = mergeStatus(row, known, read.status, stale, at);
    const before = new Map(known.files.map((f) => [f.fileId, f]));
    const drafts = changeEvents(adapterOf(row.vendor), this.reportedFrom(row.id, known, next), next, source, at);
    this.ledger.upsertFiles(id, next.files.filter((f) => JSON.stringify(before.get(f.fileId)) !== JSON.stringify(f)), at);
    const timesChanged = next.startedAt !== row.startedAt || next.endedAt !== row.endedAt;
    if (drafts.length === 0 && !timesChanged) {
      this.ledger.update(id, { lastSeenAt: at });
      return { changed: false, before: row.state, after: row.state, drafts };
    }
    for (const d of drafts) {
      if (d.kind === 'state-changed' && read.raw !== undefined) d.raw = { requestId: read.requestId, response: read.raw };
      this.ledger.addEvent(id, { ...d, message: mark(d.message) });
    }
    const { state, rawStatus, startedAt, endedAt, finishReason, extra } = next;
    const streamIds = streamIdsOf(row.request, next.files);
    this.ledger.update(id, { state, rawStatus, startedAt, endedAt, finishReason, extra, lastSeenAt: at, updatedAt: at, streamIds, ...(source !== 'operator' ? { error: null } : {}) });
    return { changed: true, before: row.state, after: next.state, drafts };
  }

  /**
   * The status a read moves from, for its timeline row: the state the vendor last reported, not the one
   * an operator action assumed ahead of it (Pause reads "recording→paused", not "paused→paused").
   */
  private reportedFrom(id: string, known: VendorStatus, next: VendorStatus): VendorStatus {
    if (known.state === next.state && known.rawStatus === next.rawStatus && known.finishReason === next.finishReason) return known;
    return { ...known, state: this.ledger.lastReportedState(id) ?? known.state };
  }

  private afterApply(id: string, r: Applied): void {
    if (!r.changed) return;
    this.changed(id);
    for (const { kind, message } of alertsFor(r.before, r.after, r.drafts)) this.alert(id, kind, message);
  }
}

