import type { VendorId } from '@contract';
import type { CallbackInboxStore, InboxEntry, InboxKind } from '../store/callback-inbox';
import type { CallbackDelivery } from '../vendors/callbacks';

const PARKED_LIMIT = 500;
/** How long a callback waits for its task's start to answer. */
export const PARKED_TTL_MS = 15 * 60_000;

/**
 * Verified callbacks the vendor was told were received, kept in SQLite until they are done with, so
 * neither a busy core nor a restart loses one. A callback can outrun the start call that records its
 * task id: it is parked (at most 500, for 15 minutes) until the start answers. A hint waits until the
 * status query it asked for has answered.
 */
export class CallbackInbox {
  constructor(
    private readonly store: CallbackInboxStore,
    private readonly now: () => number,
  ) {}

  /** Parks a callback for a task whose start has not answered; false when it was parked already or the inbox is full. */
  park(d: CallbackDelivery): boolean {
    this.store.prune('parked', this.now() - PARKED_TTL_MS);
    if (this.store.count('parked') >= PARKED_LIMIT) return false;
    return this.put('parked', d);
  }

  /** Takes out every callback parked for this vendor task. */
  take(vendor: VendorId, vendorTaskId: string): CallbackDelivery[] {
    const entries = this.store.forTask('parked', vendor, vendorTaskId);
    this.store.remove(entries.map((e) => e.id));
    return entries.map(decode);
  }

  /** Keeps a hint until its task's status has been read after it. */
  hold(d: CallbackDelivery): void {
    this.put('hint', d);
  }

  /** The newest hint waiting for this vendor task (0: none): a read that begins now answers every hint up to it. */
  lastHint(vendor: VendorId, vendorTaskId: string): number {
    return this.store.forTask('hint', vendor, vendorTaskId).at(-1)?.id ?? 0;
  }

  /** A status read answered the hints of this vendor task up to `upTo`. */
  settle(vendor: VendorId, vendorTaskId: string, upTo: number): void {
    this.store.remove(this.store.forTask('hint', vendor, vendorTaskId).filter((e) => e.id <= upTo).map((e) => e.id));
  }

  /** Every hint still waiting for a status read (an earlier run stopped before it answered). */
  hints(): CallbackDelivery[] {
    return this.store.all('hint').map(decode);
  }

  private put(kind: InboxKind, d: CallbackDelivery): boolean {
    return this.store.put(kind, { vendor: d.vendor, accountId: d.accountId, vendorTaskId: d.vendorTaskId, dedupeKey: d.dedupeKey, receivedAt: this.now(), delivery: JSON.stringify(d) });
  }
}

function decode(e: InboxEntry): CallbackDelivery {
  return JSON.parse(e.delivery) as CallbackDelivery;
}
