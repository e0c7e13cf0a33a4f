import { msg, type VendorId } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { TaskRow } from '../store/task-ledger';
import type { VendorAdapter, VendorCall, VendorConnection, VendorTaskRef } from '../vendors/adapter';
import type { ConnectionCache } from '../vendors/connections';
import type { RequestPriority } from '../vendors/shared/rate-limiter';
import { adapterOf } from '../vendors/registry';
import type { TaskJournal } from './journal';

/** How the task service reaches a task's vendor. */
export interface VendorLink {
  adapter(task: { vendor: VendorId }): VendorAdapter;
  /** The account's cached connection; its secrets join the journal's scrubber. */
  connectAccount(accountId: string, vendor: VendorId): Promise<VendorConnection>;
  /** The connection of the task's account; `NOT_FOUND` when the account was deleted. */
  connect(row: TaskRow): Promise<VendorConnection>;
  /** One vendor call on behalf of a task: its exchange is stored with that task. */
  call(taskId: string, priority: RequestPriority): VendorCall;
  /** The task as its vendor knows it; `CONFLICT` while the vendor has not given it an id. */
  ref(row: TaskRow): VendorTaskRef;
}

/** The vendor side of the task service, over the per-account connection cache. */
export function createVendorLink(connections: ConnectionCache, journal: TaskJournal): VendorLink {
  async function connectAccount(accountId: string, vendor: VendorId): Promise<VendorConnection> {
    const { connection, secretValues } = await connections.get(accountId, vendor);
    journal.scrubber.remember(secretValues);
    return connection;
  }
  return {
    adapter: (task) => adapterOf(task.vendor),
    connectAccount,
    connect(row) {
      if (row.accountId === null) {
        return Promise.reject(new AppFailure('NOT_FOUND', msg('task.accountDeleted'), { details: { taskId: row.id } }));
      }
      return connectAccount(row.accountId, row.vendor);
    },
    call: (taskId, priority) => ({ priority, onExchange: (e) => journal.addExchange(taskId, e) }),
    ref(row) {
      if (row.vendorTaskId === null) {
        throw new AppFailure('CONFLICT', msg('task.noVendorId'), { details: { taskId: row.id } });
      }
      return { vendorTaskId: row.vendorTaskId, request: row.request };
    },
  };
}
