import type { OutboxEntry, TeamStore } from '../store/team-store';

/** One change on its way to the server. */
export interface OutgoingChange {
  uid: string;
  kind: string;
  entity: string;
  body: string;
}

/** A batch to push and the outbox entries it settles once the server has it. */
export interface PushBatch {
  changes: OutgoingChange[];
  entries: OutboxEntry[];
}

/**
 * The next batch from the outbox, tasks first (so a desk receiving it meets a task before its
 * timeline). Entities that are gone, and everything of `localOnly` accounts and storage targets (the
 * Sandbox's own), settle without being sent. A timeline row or exchange travels under its own uid, so
 * pushing it twice (a lost acknowledgement, a rejoin) is one row on the server.
 */
export function nextBatch(store: TeamStore, limit: number, localOnly: ReadonlySet<string>): PushBatch {
  const entries = store.outbox(limit);
  const tasks: OutgoingChange[] = [];
  const rest: OutgoingChange[] = [];
  const localTasks = new Map<string, boolean>();
  const isLocalTask = (taskId: string): boolean => {
    let local = localTasks.get(taskId);
    if (local === undefined) {
      const accountId = store.taskBody(taskId)?.accountId ?? null;
      local = accountId !== null && localOnly.has(accountId);
      localTasks.set(taskId, local);
    }
    return local;
  };
  for (const e of entries) {
    if (e.kind === 'task') {
      const t = store.taskBody(e.entity);
      if (t && !(t.accountId !== null && localOnly.has(t.accountId))) tasks.push({ uid: e.uid, kind: 'task', entity: e.entity, body: t.body });
    } else if (e.kind === 'event' || e.kind === 'exchange') {
      const row = e.kind === 'event' ? store.eventBody(e.entity) : store.exchangeBody(e.entity);
      if (row && !isLocalTask(row.taskId)) rest.push({ uid: row.uid, kind: e.kind, entity: row.taskId, body: row.body });
    } else if (!localOnly.has(e.entity)) {
      const body = store.rowBody(e.kind, e.entity) ?? JSON.stringify({ id: e.entity, deleted: true });
      rest.push({ uid: e.uid, kind: e.kind, entity: e.entity, body });
    }
  }
  return { changes: [...tasks, ...rest], entries };
}
