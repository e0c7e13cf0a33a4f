import type { SQLInputValue } from 'node:sqlite';
import type { Logger } from '../logging/logger';
import { ROW_TABLES, type RowKind, type TeamStore, type TaskWire } from '../store/team-store';
import { mergeTask } from './task-merge';
import { RowWireSchema, SeenWireSchema, TaskWireSchema, type ServerChange } from './wire';

/** What one page of server changes changed here, for the events the renderer hears. */
export interface Applied {
  tasks: Set<string>;
  /** Accounts, storage targets or presets changed. */
  rows: Set<RowKind>;
  skipped: number;
}

function isRowKind(kind: string): kind is RowKind {
  return kind in ROW_TABLES;
}

/**
 * Applies changes other desks made, in server order, in one transaction that also moves the cursor
 * to `cursor`. A task merges with the local row (see {@link mergeTask}); a timeline row or exchange
 * is inserted once by uid, or parked until its task arrives; whole rows follow the later `updated_at`.
 * A row SQLite refuses is undone alone (its statement), never the page.
 */
export function applyChanges(store: TeamStore, changes: readonly ServerChange[], cursor: number, log: Logger): Applied {
  const out: Applied = { tasks: new Set(), rows: new Set(), skipped: 0 };
  const skip = (c: ServerChange, why: string): void => {
    out.skipped += 1;
    log.warn('team.apply.skipped', { seq: c.seq, kind: c.kind, why });
  };

  function applyTask(t: TaskWire): void {
    store.putTask(mergeTask(store.task(t.id), t));
    out.tasks.add(t.id);
    for (const p of store.unpark(t.id)) applyRow(p.kind, p.uid, t.id, p.body);
  }

  /** A timeline row or exchange travels under its own uid, its task id as the change's entity. */
  function applyRow(kind: 'event' | 'exchange', uid: string, taskId: string, body: string): void {
    const row: unknown = JSON.parse(body);
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new SyntaxError(`${kind} body is not an object`);
    const outcome = store.insertBody(kind, uid, taskId, row as Record<string, unknown>);
    if (outcome === 'no-task') store.park(uid, taskId, kind, body);
    else if (outcome === 'inserted' && kind === 'event') out.tasks.add(taskId);
  }

  function applyWholeRow(kind: RowKind, c: ServerChange): void {
    const parsed = RowWireSchema.safeParse(JSON.parse(c.body));
    if (!parsed.success) return skip(c, 'unreadable row');
    const row = parsed.data as Record<string, unknown>;
    const id = String(row['id']);
    if (row['deleted'] === true) {
      store.deleteRow(kind, id);
    } else {
      const mine = store.rowUpdatedAt(kind, id);
      if (mine !== null && mine > Number(row['updated_at'])) return;
      const values: Record<string, SQLInputValue> = {};
      for (const col of ROW_TABLES[kind].columns) {
        const v = row[col];
        values[col] = v !== null && typeof v === 'object' ? JSON.stringify(v) : ((v ?? null) as SQLInputValue);
      }
      const name = String(values['name'] ?? '');
      if (store.nameTaken(kind, id, name, typeof values['vendor'] === 'string' ? values['vendor'] : null)) values['name'] = `${name} · ${id.slice(0, 6)}`;
      store.putRow(kind, values);
    }
    out.rows.add(kind);
  }

  store.applying(cursor, () => {
    for (const c of changes) {
      try {
        if (c.kind === 'task') {
          const parsed = TaskWireSchema.safeParse(JSON.parse(c.body));
          if (parsed.success) applyTask(parsed.data as TaskWire);
          else skip(c, `unreadable task: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
        } else if (c.kind === 'event' || c.kind === 'exchange') {
          applyRow(c.kind, c.uid, c.entity, c.body);
        } else if (c.kind === 'seen') {
          const parsed = SeenWireSchema.safeParse(JSON.parse(c.body));
          if (parsed.success) {
            store.applySeen(parsed.data.tasks);
            for (const [id] of parsed.data.tasks) out.tasks.add(id);
          } else skip(c, 'unreadable seen');
        } else if (isRowKind(c.kind)) {
          applyWholeRow(c.kind, c);
        } else {
          skip(c, 'unknown kind');
        }
      } catch (e) {
        // A body this build cannot read (not JSON, a required field missing) is skipped, never half-applied.
        if (e instanceof SyntaxError || (e as { code?: string }).code === 'ERR_SQLITE_ERROR') skip(c, e instanceof Error ? e.message.slice(0, 120) : 'unreadable');
        else throw e;
      }
    }
  });
  return out;
}
