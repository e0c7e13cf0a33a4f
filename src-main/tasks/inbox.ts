import type { VendorId } from '@contract';
import type { CallbackDelivery } from '../vendors/callbacks';

const PARKED_LIMIT = 500;
/** How long a callback waits for its task's start to answer. */
export const PARKED_TTL_MS = 15 * 60_000;

/**
 * Verified callbacks for a vendor task the ledger does not know yet: a callback can outrun the start
 * call that records the task id. They wait here (at most 500, for 15 minutes) until the start answers.
 */
export class CallbackInbox {
  private readonly parked = new Map<string, { delivery: CallbackDelivery; at: number }[]>();

  constructor(private readonly now: () => number) {}

  park(delivery: CallbackDelivery): void {
    const cutoff = this.now() - PARKED_TTL_MS;
    let count = 0;
    for (const [k, list] of this.parked) {
      const fresh = list.filter((p) => p.at >= cutoff);
      if (fresh.length === 0) this.parked.delete(k);
      else this.parked.set(k, fresh);
      count += fresh.length;
    }
    if (count >= PARKED_LIMIT) return;
    const key = keyOf(delivery.vendor, delivery.vendorTaskId);
    this.parked.set(key, [...(this.parked.get(key) ?? []), { delivery, at: this.now() }]);
  }

  /** Takes out every callback parked for this vendor task. */
  take(vendor: VendorId, vendorTaskId: string): CallbackDelivery[] {
    const key = keyOf(vendor, vendorTaskId);
    const list = this.parked.get(key) ?? [];
    this.parked.delete(key);
    return list.map((p) => p.delivery);
  }
}

function keyOf(vendor: VendorId, vendorTaskId: string): string {
  return `${vendor}\n${vendorTaskId}`;
}
