import { msg, type Message, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { StorageTargetRecord } from '../store/storage-repo';
import type { TaskRow } from '../store/task-ledger';
import type { CallbackDelivery, CallbackResult } from '../vendors/callbacks';
import { keepOnStorage } from './callback-facts';
import { PARKED_TTL_MS, type CallbackInbox } from './inbox';
import type { TaskJournal } from './journal';
import { isTerminal } from './merge';
import type { VendorLink } from './vendor-link';

export interface CallbackIntakeDeps {
  journal: TaskJournal;
  link: VendorLink;
  inbox: CallbackInbox;
  /** A storage target's non-secret fields, or null once it is gone. */
  storageTarget(id: string): StorageTargetRecord | null;
  /** A background status read of the task, merged as a poll's. */
  read(row: TaskRow): Promise<unknown>;
  log: Logger;
  now: () => number;
}

/** How verified callbacks reach the ledger. */
export interface CallbackIntake {
  /** Whether a callback about this vendor task on this account could be ours (see `CallbackSink.expects`). */
  expects(vendor: VendorId, accountId: string, vendorTaskId: string): boolean;
  /** Takes one verified callback; it is in SQLite (the ledger or the inbox) when this resolves. */
  deliver(d: CallbackDelivery): Promise<CallbackResult>;
  /** Delivers the callbacks parked for a vendor task that the ledger now knows. */
  release(vendor: VendorId, vendorTaskId: string): Promise<void>;
  /** Asks again for the status reads that hints of an earlier run were still waiting for. */
  resume(): void;
}

/**
 * Callbacks into the ledger. A signed body is a fact and is merged (without file addresses off the
 * task's storage, marked where no status query can confirm it). A body nobody vouches for is a hint: a
 * timeline row says it came, and the vendor's status query, not the body, says what changed. A
 * callback that outruns its task's start is parked until the start answers. Hints and parked
 * callbacks wait in the SQLite inbox, written in the same transaction as what the vendor was told.
 */
export function createCallbackIntake(deps: CallbackIntakeDeps): CallbackIntake {
  const { journal, link, inbox } = deps;
  /** Tasks whose hint read is running, and whether another hint came meanwhile. */
  const checking = new Map<string, { again: boolean }>();

  function startPending(accountId: string): boolean {
    return journal.heads.hasPendingStartOn(accountId, deps.now() - PARKED_TTL_MS);
  }

  async function deliver(d: CallbackDelivery): Promise<CallbackResult> {
    const row = journal.reads.byVendorTaskId(d.vendor, d.vendorTaskId);
    if (!row) {
      if (!startPending(d.accountId)) return 'unknown-task';
      return inbox.park(d) ? 'parked' : 'unknown-task';
    }
    // Only the account the task was started on speaks for it, whoever else shares its vendor app.
    if (row.accountId !== d.accountId) return 'unknown-task';
    return link.adapter(row).callbacks.bodySigned ? fact(row, d) : hint(row, d);
  }

  function fact(row: TaskRow, d: CallbackDelivery): CallbackResult {
    const adapter = link.adapter(row);
    const target = row.storageTargetId === null ? null : deps.storageTarget(row.storageTargetId);
    const { files, notes } = keepOnStorage(d.patch.files ?? [], target);
    const patch = d.patch.files === undefined ? d.patch : { ...d.patch, files };
    const mark = adapter.descriptor.capabilities.query ? undefined : (event: Message) => msg('timeline.callbackOnly', { event, vendor: adapter.label });
    return journal.mergeCallback(row, { ...d, patch }, { ...(mark ? { mark } : {}), notes });
  }

  function hint(row: TaskRow, d: CallbackDelivery): CallbackResult {
    const adapter = link.adapter(row);
    const asks = adapter.descriptor.capabilities.query && !isTerminal(row.state) && !row.forgotten;
    const message = msg('timeline.callbackHint', { event: d.message, vendor: adapter.label });
    if (!journal.hint(row, d, message, () => (asks ? inbox.hold(d) : undefined))) return 'duplicate';
    if (!asks) return 'merged';
    check(row.id);
    return 'checking';
  }

  /** Reads the task's status now; hints arriving while a read runs ask for one more read after it. */
  function check(id: string): void {
    const running = checking.get(id);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: true };
    checking.set(id, state);
    const run = async (): Promise<void> => {
      while (state.again) {
        state.again = false;
        const row = journal.reads.get(id);
        if (!row || row.vendorTaskId === null) return;
        const upTo = inbox.lastHint(row.vendor, row.vendorTaskId);
        if (!row.forgotten && !isTerminal(row.state)) await deps.read(row);
        inbox.settle(row.vendor, row.vendorTaskId, upTo);
      }
    };
    void run()
      .catch((e: unknown) => deps.log.warn('tasks.hint', { id, code: e instanceof AppFailure ? e.code : e instanceof Error ? e.name : 'error' }))
      .finally(() => checking.delete(id));
  }

  return {
    expects(vendor, accountId, vendorTaskId) {
      const head = journal.heads.byVendorTaskId(vendor, vendorTaskId);
      return head ? head.accountId === accountId : startPending(accountId);
    },
    deliver,
    async release(vendor, vendorTaskId) {
      for (const d of inbox.take(vendor, vendorTaskId)) await deliver(d);
    },
    resume() {
      for (const d of inbox.hints()) {
        const row = journal.reads.byVendorTaskId(d.vendor, d.vendorTaskId);
        if (row && row.accountId === d.accountId) check(row.id);
        else inbox.settle(d.vendor, d.vendorTaskId, Number.POSITIVE_INFINITY);
      }
    },
  };
}
