import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseError, openDatabase, transaction, userVersion } from '../../../src-main/store/db';
import { MIGRATIONS } from '../../../src-main/store/migrations';
import { tempDir } from '../support';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function dbFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, 'recdeck.sqlite');
}

function refusal(fn: () => unknown): DatabaseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DatabaseError) return e;
    throw e;
  }
  throw new Error('expected a DatabaseError');
}

describe('openDatabase', () => {
  it('creates the schema, WAL and foreign keys when the file does not exist', () => {
    const file = dbFile();
    const db = openDatabase(file);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'task_search_%' ORDER BY name")
      .all()
      .map((r) => r.name);
    expect({
      version: userVersion(db),
      tables,
      journal: db.prepare('PRAGMA journal_mode').get(),
      fk: db.prepare('PRAGMA foreign_keys').get(),
      busy: db.prepare('PRAGMA busy_timeout').get(),
    }).toEqual({
      version: MIGRATIONS.length,
      tables: ['accounts', 'callback_inbox', 'callback_replays', 'exchanges', 'foreign_tasks', 'presets', 'secret_meta', 'settings', 'storage_targets', 'task_events', 'task_files', 'task_search', 'tasks', 'team_desks', 'team_link', 'team_outbox', 'team_parked'],
      journal: { journal_mode: 'wal' },
      fk: { foreign_keys: 1 },
      busy: { timeout: 5000 },
    });
    db.close();
  });

  it('keeps data and runs no migration twice when reopened', () => {
    const file = dbFile();
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    first.close();
    const second = openDatabase(file);
    expect([userVersion(second), second.prepare('SELECT value FROM settings').get()]).toEqual([MIGRATIONS.length, { value: 'v' }]);
    second.close();
  });

  it('applies only the migrations above the stored version, in order', () => {
    const file = dbFile();
    openDatabase(file, { migrations: ['CREATE TABLE a (x INTEGER)'] }).close();
    const db = openDatabase(file, { migrations: ['CREATE TABLE a (x INTEGER)', 'INSERT INTO a VALUES (1)', 'INSERT INTO a VALUES (2)'] });
    expect([userVersion(db), db.prepare('SELECT x FROM a ORDER BY x').all().map((r) => r.x)]).toEqual([3, [1, 2]]);
    db.close();
  });

  it('rolls a failing migration back completely and reports it as DATABASE', () => {
    const file = dbFile();
    const e = refusal(() =>
      openDatabase(file, { migrations: ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (y INTEGER); INSERT INTO nope VALUES (1)'] }),
    );
    const db = openDatabase(file, { migrations: ['CREATE TABLE a (x INTEGER)'] });
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => r.name);
    expect({ code: e.code, version: userVersion(db), tables }).toEqual({ code: 'DATABASE', version: 1, tables: ['a'] });
    db.close();
  });

  it('refuses a database from a newer version and leaves its bytes untouched', () => {
    const file = dbFile();
    const db = openDatabase(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    db.exec('PRAGMA user_version = 999');
    db.exec('PRAGMA journal_mode = DELETE');
    db.close();
    const before = readFileSync(file);
    const e = refusal(() => openDatabase(file));
    expect({
      code: e.code,
      namesFile: e.message.includes(file),
      newer: /newer RecDeck/.test(e.message),
      same: readFileSync(file).equals(before),
      wal: existsSync(`${file}-wal`),
    }).toEqual({ code: 'DATABASE', namesFile: true, newer: true, same: true, wal: false });
  });

  it('refuses a file that is not a database and leaves its bytes untouched', () => {
    const file = dbFile();
    const junk = Buffer.concat([Buffer.from('this is not sqlite\n'), Buffer.alloc(8192, 0xab)]);
    writeFileSync(file, junk);
    const e = refusal(() => openDatabase(file));
    expect({
      code: e.code,
      namesFile: e.message.includes(file),
      same: readFileSync(file).equals(junk),
      wal: existsSync(`${file}-wal`),
    }).toEqual({ code: 'DATABASE', namesFile: true, same: true, wal: false });
  });

  it('refuses a database whose header is intact but whose schema page is garbage, untouched', () => {
    const file = dbFile();
    const db = openDatabase(file);
    db.exec('PRAGMA journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(file, bytes);
    const before = Buffer.from(bytes);
    const e = refusal(() => openDatabase(file));
    expect({ code: e.code, same: readFileSync(file).equals(before) }).toEqual({ code: 'DATABASE', same: true });
  });
});

/** A database with a few hundred pages of rows in table `t`, closed cleanly, and one of t's interior pages. */
function withInteriorPage(): { file: string; migrations: string[]; page: number; pageSize: number } {
  const file = dbFile();
  const migrations = ['CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)'];
  const db = openDatabase(file, { migrations });
  transaction(db, () => {
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    for (let i = 0; i < 3_000; i++) insert.run(`row ${i} ${'x'.repeat(200)}`);
  });
  db.close();
  const probe = new DatabaseSync(file, { readOnly: true });
  const { pageno } = probe.prepare("SELECT pageno FROM dbstat WHERE name = 't' AND pagetype = 'internal' LIMIT 1").get() as { pageno: number };
  const { page_size: pageSize } = probe.prepare('PRAGMA page_size').get() as { page_size: number };
  probe.close();
  return { file, migrations, page: pageno, pageSize };
}

/** Overwrites an interior page's cells, keeping the page header and the file header intact. */
function corruptInteriorPage(file: string, page: number, pageSize: number): Buffer {
  const bytes = readFileSync(file);
  bytes.fill(0xee, (page - 1) * pageSize + 12, page * pageSize);
  writeFileSync(file, bytes);
  return Buffer.from(bytes);
}

describe('openDatabase on a damaged file', () => {
  it('refuses a database whose interior pages are corrupt (intact header), writes nothing and says what to do', () => {
    const { file, migrations, page, pageSize } = withInteriorPage();
    const before = corruptInteriorPage(file, page, pageSize);
    const walBytes = (): number => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    const walBefore = walBytes();
    const e = refusal(() => openDatabase(file, { migrations }));
    expect({
      code: e.code,
      reason: e.details.reason,
      namesFile: e.message.includes(file),
      saysUntouched: /has not changed it/.test(e.message),
      saysHow: /\.recover/.test(e.message) && /backup/.test(e.message),
      same: readFileSync(file).equals(before),
      walGrowth: walBytes() - walBefore,
    }).toEqual({ code: 'DATABASE', reason: 'corrupt', namesFile: true, saysUntouched: true, saysHow: true, same: true, walGrowth: 0 });
  });

  it('checks again a file that changed after RecDeck closed it, even with its size and times put back', () => {
    const { file, migrations, page, pageSize } = withInteriorPage();
    openDatabase(file, { migrations }).close();
    const { atime, mtime } = statSync(file);
    corruptInteriorPage(file, page, pageSize);
    utimesSync(file, atime, mtime);
    expect(refusal(() => openDatabase(file, { migrations })).details.reason).toBe('corrupt');
  });
});

describe('transaction', () => {
  it('rolls back every write, nested ones included, when the callback throws', () => {
    const db = openDatabase(dbFile());
    expect(() =>
      transaction(db, () => {
        db.prepare("INSERT INTO settings VALUES ('a', '1')").run();
        transaction(db, () => db.prepare("INSERT INTO settings VALUES ('b', '2')").run());
        throw new Error('boom');
      }),
    ).toThrow('boom');
    transaction(db, () => {
      db.prepare("INSERT INTO settings VALUES ('c', '3')").run();
      expect(() =>
        transaction(db, () => {
          db.prepare("INSERT INTO settings VALUES ('d', '4')").run();
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(db.prepare('SELECT key FROM settings ORDER BY key').all().map((r) => r.key)).toEqual(['c']);
    db.close();
  });
});
