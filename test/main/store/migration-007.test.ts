import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, userVersion } from '../../../src-main/store/db';
import { MIGRATIONS } from '../../../src-main/store/migrations';
import { seedTask, T0 } from '../history/fixtures';
import { tempDir } from '../support';

let cleanup = (): void => {};
afterEach(() => cleanup());

describe('migration 007 (team) on a database at 006 (callbacks)', () => {
  it('keeps tasks, timelines and the callback inbox, gives every existing row a unique uid, stamps state_at, and queues nothing outside a team', () => {
    const tmp = tempDir('recdeck-m007-');
    cleanup = tmp.cleanup;
    const file = join(tmp.dir, 'recdeck.sqlite');
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, 6) });
    seedTask(before, { id: 't1', updatedAt: T0 + 5_000 });
    seedTask(before, { id: 't2', state: 'recording', endedAt: null, updatedAt: T0 + 7_000 });
    before.prepare("INSERT INTO callback_replays (account_id, token, body_hash, expires_at) VALUES ('acc-1', 'nonce', 'h', ?)").run(T0 + 60_000);
    before
      .prepare("INSERT INTO callback_inbox (kind, vendor, account_id, vendor_task_id, dedupe_key, received_at, delivery) VALUES ('hint', 'zego', 'acc-1', 'vt-t2', 'k', ?, '{}')")
      .run(T0);
    before.close();

    const db = openDatabase(file);
    const tasks = db.prepare('SELECT id, state_at, desk_id FROM tasks ORDER BY id').all();
    const uids = db.prepare('SELECT uid FROM task_events').all().map((r) => r.uid);
    const callbacks = [db.prepare('SELECT count(*) AS n FROM callback_replays').get(), db.prepare('SELECT count(*) AS n FROM callback_inbox').get()];
    db.prepare("INSERT INTO task_events (task_id, at, source, kind, summary, state) VALUES ('t2', ?, 'poll', 'note', 'later', 'recording')").run(T0 + 8_000);
    const outbox = db.prepare('SELECT count(*) AS n FROM team_outbox').get();
    const version = userVersion(db);
    db.close();

    expect({ version, tasks, uniqueUids: new Set(uids).size, uidShape: uids.every((u) => /^[0-9a-f]{32}$/.test(String(u))), callbacks, outbox }).toEqual({
      version: 7,
      tasks: [
        { id: 't1', state_at: T0 + 5_000, desk_id: null },
        { id: 't2', state_at: T0 + 7_000, desk_id: null },
      ],
      uniqueUids: 2,
      uidShape: true,
      callbacks: [{ n: 1 }, { n: 1 }],
      outbox: { n: 0 },
    });
  });
});
