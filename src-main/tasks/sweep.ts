import { RUNNING_TASK_STATES, type TaskState, type VendorId, type VendorStatus } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { SweepStep, SweepTarget } from '../scheduler/types';
import type { ForeignTaskStore } from '../store/foreign-tasks';
import type { TaskHead } from '../store/task-heads';
import type { OpenTaskRow } from '../vendors/adapter';
import type { TaskJournal } from './journal';
import { isTerminal } from './merge';
import type { VendorLink } from './vendor-link';

/** A new pass starts at most this often; the list of a busy account takes longer than this to page through. */
const PASS_GAP_MS = 1_000;
/** A pass older than this starts over: its window would soon be refused (ZEGO's list starts 10 minutes inside its 3 days). */
const PASS_MAX_AGE_MS = 5 * 60_000;
/** Without a finished pass for this long (or three passes' time), the lane's tasks go back to per-task polling. */
const STALE_AFTER_MS = 30_000;
/** A foreign task missing from this many whole passes in a row has ended. */
const GONE_AFTER_MISSES = 2;
/** A start of ours this young may not know its vendor task id yet: a listed task in its room is not foreign. */
const PENDING_START_MS = 2 * 60_000;
/** A state whose tasks were missing from the list, and still in it by their status read, this often is one the list omits. */
const OMITTED_AFTER = 2;
/** Foreign rows that ended are kept this long, then pruned. */
const GONE_KEPT_MS = 86_400_000;

/** States a sweep covers: a task in one of them that the list shows as the ledger has it needs no status read. */
const SWEPT_STATES: readonly TaskState[] = RUNNING_TASK_STATES;

/** One list the vendor pages: every account with the same list lane sees the same tasks, so they are swept once. */
interface Unit {
  key: string;
  vendor: VendorId;
  accountIds: string[];
  ratePerSecond: number;
}

interface Pass {
  startedAt: number;
  page: number;
  seen: Set<string>;
  /** Begin time of the last row read: with the list newest first, every task that began later was listed. */
  floor: number;
  ordered: boolean;
  /** Open swept tasks of the unit at the pass's start, by vendor task id. */
  known: Map<string, TaskHead>;
  /** Vendor task ids of the unit's foreign tasks at the pass's start. */
  foreign: Set<string>;
  /** Tasks a page of this pass found missing: a later page, or the pass's end, that misses them too asks no second read. */
  asked: Set<string>;
}

interface UnitState {
  pass: Pass | null;
  createdAt: number;
  lastPassStart: number;
  lastPassEnd: number | null;
  lastPassMs: number;
  /** Begin times the list gave, by vendor task id (to conclude early that a task is missing). */
  begins: Map<string, number>;
  /** Per state: `listed` once a row in it was seen, else how often a missing task was still in it. */
  listing: Map<TaskState, 'listed' | number>;
  /** Set once a pass found the list not newest first: then only a whole pass concludes. */
  unordered: boolean;
  /** Whole passes in a row that missed a foreign task, by vendor task id. */
  misses: Map<string, number>;
}

export interface SweeperDeps {
  journal: TaskJournal;
  link: VendorLink;
  foreign: ForeignTaskStore;
  accountRecords(): ReadonlyArray<{ id: string; vendor: VendorId; environment: string; fields: Record<string, unknown> }>;
  now: () => number;
  newId: () => string;
  /** The list of foreign tasks changed. */
  foreignChanged(): void;
  log: Logger;
  /** Whether this desk sweeps the lists of a vendor account key (in a team, only the key's leader does). */
  sweepsKey?: (accountKey: string) => boolean;
}

/** Sweeps for the scheduler, and what they ask of the status reads. */
export interface Sweeper {
  sweeps(): SweepTarget[];
  step(key: string): Promise<SweepStep>;
  /** As of now: whether a healthy sweep covers a task, so it is read only when asked for. */
  coverage(): (head: TaskHead) => boolean;
  /** When a sweep asked for a read of the task (it changed in a way the list cannot tell, or went missing). */
  wanted(taskId: string): number | undefined;
  /** A status read that began at `startedAt` answered; the task is now in `state`. */
  readDone(taskId: string, startedAt: number, state: TaskState | null): void;
  /** Forgets what it asked about tasks that are no longer open. */
  keepOnly(openIds: ReadonlySet<string>): void;
}

function listStatus(row: OpenTaskRow & { state: TaskState }): VendorStatus {
  return { state: row.state, rawStatus: row.rawStatus, startedAt: row.startedAt, endedAt: null, finishReason: null, files: [], extra: {} };
}

/**
 * Sweeps: for each vendor lane that lists tasks, a pass pages through the tasks in progress from
 * the first page, once a second at most. A task listed as the ledger has it is confirmed without a
 * status read; one listed in another running state moves to it; one the list cannot settle, or one
 * missing from the list, gets a status read, which alone can end it. A task missing only because the
 * pages shifted (another task ended while we paged) is found running by that read: a shift costs a
 * read, never a wrong state. Tasks the ledger does not know become foreign tasks.
 */
export function createSweeper(deps: SweeperDeps): Sweeper {
  const { journal, foreign } = deps;
  const states = new Map<string, UnitState>();
  const flags = new Map<string, number>();
  /** When the last status read of each open task began. */
  const lastRead = new Map<string, number>();
  /** Tasks a pass found missing, with the unit and the state the ledger had then. */
  const suspects = new Map<string, { key: string; state: TaskState }>();

  function units(): Unit[] {
    const out = new Map<string, Unit>();
    for (const a of deps.accountRecords()) {
      const adapter = deps.link.adapter(a);
      const lane = adapter.sweepLane?.(a);
      if (!lane || (deps.sweepsKey && !deps.sweepsKey(adapter.accountKey(a)))) continue;
      const unit = out.get(lane.laneKey) ?? { key: lane.laneKey, vendor: a.vendor, accountIds: [], ratePerSecond: lane.ratePerSecond };
      unit.accountIds.push(a.id);
      out.set(lane.laneKey, unit);
    }
    // The first account by id sweeps (and owns the foreign tasks), whatever order the accounts come in.
    for (const unit of out.values()) unit.accountIds.sort();
    return [...out.values()];
  }

  function stateOf(key: string): UnitState {
    let st = states.get(key);
    if (!st) {
      st = { pass: null, createdAt: deps.now(), lastPassStart: Number.NEGATIVE_INFINITY, lastPassEnd: null, lastPassMs: 0, begins: new Map(), listing: new Map(), unordered: false, misses: new Map() };
      states.set(key, st);
    }
    return st;
  }

  function omitted(st: UnitState, state: TaskState): boolean {
    const l = st.listing.get(state);
    return typeof l === 'number' && l >= OMITTED_AFTER;
  }

  function healthy(st: UnitState, now: number): boolean {
    return now - (st.lastPassEnd ?? st.createdAt) < Math.max(STALE_AFTER_MS, 3 * st.lastPassMs);
  }

  function newPass(unit: Unit, st: UnitState, now: number): Pass {
    const known = new Map<string, TaskHead>();
    for (const h of journal.heads.open()) {
      if (h.vendorTaskId === null || h.forgotten || h.accountId === null || !unit.accountIds.includes(h.accountId)) continue;
      if (SWEPT_STATES.includes(h.state) && !omitted(st, h.state) && h.createdAt < now) known.set(h.vendorTaskId, h);
    }
    const foreignIds = new Set(foreign.running(unit.accountIds).map((f) => f.vendorTaskId));
    return { startedAt: now, page: 1, seen: new Set(), floor: Number.POSITIVE_INFINITY, ordered: true, known, foreign: foreignIds, asked: new Set() };
  }

  function flag(head: TaskHead, at: number, st: UnitState | null, key: string): void {
    // A read that began in this same millisecond was sent before the list showed the task missing.
    if (!flags.has(head.id)) flags.set(head.id, Math.max(at, (lastRead.get(head.id) ?? Number.NEGATIVE_INFINITY) + 1));
    if (st && !omitted(st, head.state)) suspects.set(head.id, { key, state: head.state });
  }

  /** A listed task the ledger holds: confirmed, moved, or asked about. Answers whether a task changed or needs a read. */
  function applyKnown(unit: Unit, pass: Pass, head: TaskHead, row: OpenTaskRow, at: number, confirm: string[]): boolean {
    if (pass.foreign.delete(row.vendorTaskId) && foreign.forgetTask(unit.vendor, row.vendorTaskId) > 0) deps.foreignChanged();
    if (isTerminal(head.state) || head.forgotten || !SWEPT_STATES.includes(head.state)) return false;
    if (row.state === null) {
      flag(head, at, null, unit.key);
      return true;
    }
    if (row.state === head.state && row.rawStatus === head.rawStatus) {
      confirm.push(head.id);
      return false;
    }
    journal.applyStatus(head.id, { status: listStatus({ ...row, state: row.state }), requestId: null, raw: { taskList: row } }, 'poll');
    return true;
  }

  /** A listed task the ledger does not hold; answers whether the foreign list changed. */
  function applyForeign(unit: Unit, st: UnitState, row: OpenTaskRow, at: number): boolean {
    if (row.state === null || journal.heads.hasPendingStart(unit.vendor, row.roomId, at - PENDING_START_MS)) return false;
    st.misses.delete(row.vendorTaskId);
    const account = unit.accountIds[0] as string;
    const sighting = { vendor: unit.vendor, accountId: account, vendorTaskId: row.vendorTaskId, roomId: row.roomId, startedAt: row.startedAt, state: row.state, rawStatus: row.rawStatus };
    return foreign.seen(sighting, at, deps.newId) !== 'same';
  }

  function applyPage(unit: Unit, st: UnitState, pass: Pass, rows: readonly OpenTaskRow[], at: number): boolean {
    let changed = false;
    let foreignChanged = false;
    const confirm: string[] = [];
    for (const row of rows) {
      pass.seen.add(row.vendorTaskId);
      if (row.startedAt === null || row.startedAt > pass.floor) pass.ordered = false;
      else pass.floor = row.startedAt;
      if (row.startedAt !== null) st.begins.set(row.vendorTaskId, row.startedAt);
      if (row.state !== null) st.listing.set(row.state, 'listed');
      const head = pass.known.get(row.vendorTaskId) ?? journal.heads.byVendorTaskId(unit.vendor, row.vendorTaskId);
      if (head) changed = applyKnown(unit, pass, head, row, at, confirm) || changed;
      else foreignChanged = applyForeign(unit, st, row, at) || foreignChanged;
    }
    journal.confirmSeen(confirm, at);
    if (foreignChanged) deps.foreignChanged();
    if (!pass.ordered) st.unordered = true;
    if (st.unordered) return changed;
    // Newest first: a known task that began after the last row read and was not listed is missing.
    for (const head of pass.known.values()) {
      const began = st.begins.get(head.vendorTaskId as string);
      if (began !== undefined && began > pass.floor && !pass.seen.has(head.vendorTaskId as string) && !flags.has(head.id) && !pass.asked.has(head.id)) {
        pass.asked.add(head.id);
        flag(head, at, st, unit.key);
        changed = true;
      }
    }
    return changed;
  }

  function endPass(unit: Unit, st: UnitState, pass: Pass, at: number): boolean {
    let changed = false;
    for (const head of pass.known.values()) {
      if (pass.seen.has(head.vendorTaskId as string)) continue;
      // Missing from a page of this pass and read since: the read said where it is; the next pass looks again.
      if (pass.asked.has(head.id) && !flags.has(head.id)) continue;
      if (!flags.has(head.id)) changed = true;
      flag(head, at, st, unit.key);
    }
    const gone: string[] = [];
    const running = foreign.running(unit.accountIds);
    const runningIds = new Set(running.map((f) => f.vendorTaskId));
    for (const id of st.misses.keys()) if (!runningIds.has(id)) st.misses.delete(id);
    for (const f of running) {
      if (pass.seen.has(f.vendorTaskId)) continue;
      const misses = (st.misses.get(f.vendorTaskId) ?? 0) + 1;
      st.misses.set(f.vendorTaskId, misses);
      if (misses >= GONE_AFTER_MISSES) gone.push(f.id);
    }
    for (const id of [...st.begins.keys()]) if (!pass.seen.has(id)) st.begins.delete(id);
    if (gone.length > 0) {
      foreign.markGone(gone, at);
      deps.foreignChanged();
    }
    foreign.prune(at - GONE_KEPT_MS);
    return changed;
  }

  async function step(key: string): Promise<SweepStep> {
    const now = deps.now();
    const unit = units().find((u) => u.key === key);
    if (!unit) return { outcome: 'unchanged', nextAt: now + PASS_GAP_MS };
    const st = stateOf(key);
    if (!st.pass) {
      const gapEnd = st.lastPassStart + PASS_GAP_MS;
      if (now < gapEnd) return { outcome: 'unchanged', nextAt: gapEnd };
      st.pass = newPass(unit, st, now);
    } else if (now - st.pass.startedAt > PASS_MAX_AGE_MS) {
      st.pass = newPass(unit, st, now);
    }
    const pass = st.pass;
    let page;
    try {
      const conn = await deps.link.connectAccount(unit.accountIds[0] as string, unit.vendor);
      if (!conn.listOpenTasks) return { outcome: 'unchanged', nextAt: Number.POSITIVE_INFINITY };
      page = await conn.listOpenTasks({ page: pass.page, asOf: pass.startedAt }, { priority: 'background' });
    } catch (e) {
      const code = e instanceof AppFailure ? e.code : 'INTERNAL';
      // An unreachable vendor pauses the sweeping account alone; every other account keeps polling.
      if (code === 'VENDOR_UNREACHABLE' || code === 'VENDOR_TIMEOUT') return { outcome: 'unreachable', nextAt: now };
      deps.log.warn('tasks.sweep', { key, code });
      return { outcome: code === 'VENDOR_RATE_LIMITED' ? 'rate-limited' : 'error', nextAt: now };
    }
    const at = deps.now();
    const changed = applyPage(unit, st, pass, page.tasks, at);
    if (page.tasks.length === page.pageSize && pass.page * page.pageSize < page.total) {
      pass.page += 1;
      return { outcome: changed ? 'changed' : 'unchanged', nextAt: at };
    }
    const ended = endPass(unit, st, pass, at);
    st.pass = null;
    st.lastPassStart = pass.startedAt;
    st.lastPassEnd = at;
    st.lastPassMs = at - pass.startedAt;
    return { outcome: changed || ended ? 'changed' : 'unchanged', nextAt: Math.max(at, pass.startedAt + PASS_GAP_MS) };
  }

  return {
    sweeps: () => units().map((u) => ({ key: u.key, accountId: u.accountIds[0] as string, laneKey: u.key, ratePerSecond: u.ratePerSecond })),
    step,
    coverage() {
      const now = deps.now();
      const byAccount = new Map<string, UnitState>();
      for (const u of units()) {
        const st = stateOf(u.key);
        if (healthy(st, now)) for (const id of u.accountIds) byAccount.set(id, st);
      }
      return (head) => {
        const st = head.accountId === null ? undefined : byAccount.get(head.accountId);
        return !!st && SWEPT_STATES.includes(head.state) && !omitted(st, head.state);
      };
    },
    wanted: (taskId) => flags.get(taskId),
    readDone(taskId, startedAt, state) {
      lastRead.set(taskId, startedAt);
      const at = flags.get(taskId);
      if (at === undefined || at > startedAt) return;
      flags.delete(taskId);
      const suspect = suspects.get(taskId);
      suspects.delete(taskId);
      if (!suspect || state !== suspect.state) return;
      // Missing from the list, yet still in the same state: either the pages shifted, or the list omits that state.
      const st = stateOf(suspect.key);
      const l = st.listing.get(state);
      if (l !== 'listed') st.listing.set(state, (l ?? 0) + 1);
    },
    keepOnly(openIds) {
      for (const id of flags.keys()) if (!openIds.has(id)) flags.delete(id);
      for (const id of lastRead.keys()) if (!openIds.has(id)) lastRead.delete(id);
      for (const id of suspects.keys()) if (!openIds.has(id)) suspects.delete(id);
    },
  };
}
