import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { AppFailure } from '../errors/app-failure';
import { integrityProblems, knownIntact, markIntact } from './integrity';
import { MIGRATIONS } from './migrations';

/** The database could not be opened, migrated or written. `file` names it; the message says what to do. */
export class DatabaseError extends AppFailure {
  readonly file: string;

  constructor(file: string, message: string, reason?: string) {
    super('DATABASE', message, { details: reason === undefined ? { file } : { file, reason } });
    this.name = 'DatabaseError';
    this.file = file;
  }
}

export interface OpenDatabaseOptions {
  /** Migrations to apply; defaults to the app's own list. Tests pass their own to exercise the runner. */
  migrations?: readonly string[];
  /** Busy timeout in ms. */
  busyTimeoutMs?: number;
}

/** The app's database handle: closing it records the file as RecDeck left it (see `integrity.ts`). */
class AppDatabase extends DatabaseSync {
  ready = false;

  constructor(
    private readonly file: string,
    options: ConstructorParameters<typeof DatabaseSync>[1],
  ) {
    super(file, options);
  }

  override close(): void {
    super.close();
    if (this.ready && this.file !== ':memory:') markIntact(this.file);
  }
}

/**
 * Opens (creating if absent) the app's SQLite file, sets WAL, foreign keys and a busy timeout, and
 * brings the schema up to date.
 *
 * A file that is not a database, fails SQLite's integrity check (when it may have changed since
 * RecDeck last closed it, see `integrity.ts`), or was written by a newer RecDeck (`user_version` above
 * what we know), is refused with a {@link DatabaseError} before anything writes to it: the operator's
 * data is never migrated, truncated or recreated by an app that does not understand it.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): DatabaseSync {
  const migrations = options.migrations ?? MIGRATIONS;
  if (file !== ':memory:') {
    if (existsSync(file)) inspectReadOnly(file, migrations.length);
    keepPrivate(file);
  }

  let db: AppDatabase;
  try {
    db = new AppDatabase(file, { timeout: options.busyTimeoutMs ?? 5000, enableForeignKeyConstraints: true });
  } catch (e) {
    throw new DatabaseError(file, `Cannot open the database ${file}`, describe(e));
  }
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA synchronous = NORMAL');
    migrate(db, file, migrations);
    db.ready = true;
    return db;
  } catch (e) {
    db.close();
    if (e instanceof DatabaseError) throw e;
    throw new DatabaseError(file, `Cannot prepare the database ${file}`, describe(e));
  }
}

/** The schema version stored in the file. */
export function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/**
 * Runs `fn` in a transaction: `BEGIN IMMEDIATE` at the top level (so a writer never has to upgrade a
 * read lock), a savepoint when already inside one. Rolls back on throw and rethrows.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  if (db.isTransaction) {
    db.exec('SAVEPOINT nested');
    try {
      const out = fn();
      db.exec('RELEASE nested');
      return out;
    } catch (e) {
      db.exec('ROLLBACK TO nested');
      db.exec('RELEASE nested');
      throw e;
    }
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = fn();
    db.exec('COMMIT');
    return out;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/**
 * Creates the database file 0600 (an empty file is an empty database to SQLite) or tightens one an
 * earlier version left readable by others, with its WAL and shared-memory files. SQLite creates those
 * two with the database file's own mode, so they follow once it is 0600.
 */
function keepPrivate(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'wx', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
}

/**
 * Reads the header, and every page unless the file is known intact, through a read-only handle so
 * that a file we must refuse is never written to.
 */
function inspectReadOnly(file: string, known: number): void {
  let probe: DatabaseSync | undefined;
  let version: number;
  let problems: string[] = [];
  try {
    probe = new DatabaseSync(file, { readOnly: true });
    version = userVersion(probe);
    probe.prepare('SELECT count(*) AS n FROM sqlite_schema').get();
    if (!knownIntact(file)) problems = integrityProblems(probe);
  } catch (e) {
    throw new DatabaseError(
      file,
      `${file} is not a readable RecDeck database (corrupt or not SQLite). It was left untouched: move it aside or restore a backup, then restart RecDeck.`,
      describe(e),
    );
  } finally {
    probe?.close();
  }
  if (problems.length > 0) {
    throw new DatabaseError(
      file,
      `${file} is damaged: SQLite's integrity check found ${problems.length === 10 ? 'at least 10 problems' : `${problems.length} problem(s)`}, ` +
        `the first: "${problems[0]?.slice(0, 160)}". RecDeck has not changed it and did not open it. To recover, first copy the file somewhere safe; ` +
        `then put back a backup of it, or salvage what is readable with sqlite3 (sqlite3 '${file}' .recover | sqlite3 '${file}.recovered') ` +
        `and move the result into its place. Moving the file aside instead starts RecDeck with an empty history.`,
      'corrupt',
    );
  }
  if (version > known) {
    throw new DatabaseError(
      file,
      `${file} was written by a newer RecDeck (schema ${version}, this version knows ${known}). It was left untouched: use the newer RecDeck or another data directory.`,
      'newer-schema',
    );
  }
}

function migrate(db: DatabaseSync, file: string, migrations: readonly string[]): void {
  const current = userVersion(db);
  if (current > migrations.length) {
    throw new DatabaseError(file, `${file} was written by a newer RecDeck (schema ${current}); it was left untouched.`, 'newer-schema');
  }
  for (let i = current; i < migrations.length; i++) {
    const sql = migrations[i] as string;
    try {
      transaction(db, () => {
        db.exec(sql);
        db.exec(`PRAGMA user_version = ${i + 1}`);
      });
    } catch (e) {
      throw new DatabaseError(file, `Migration ${i + 1} of ${file} failed; the database is unchanged at schema ${i}.`, describe(e));
    }
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message.slice(0, 300) : String(e);
}
