import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';

/**
 * Whether a database file needs SQLite's integrity check at open. A full `PRAGMA quick_check` reads
 * every page (about a second for the bench's 100 000-task, 430 MB file), far over the open budget, so
 * it runs only when the file may have changed outside RecDeck: after a clean close RecDeck records the
 * file's identity in `<file>-intact`, and a file that still matches it, with no WAL left over, was
 * last written by RecDeck itself and is opened without the check. Any outside write, a restore or a
 * copy changes the inode, size, or change time (which, unlike the modification time, cannot be set
 * back), and a crash leaves a WAL: each of these means a full check.
 */

/** The sidecar that records the file RecDeck last closed cleanly. */
export function intactMarkerOf(file: string): string {
  return `${file}-intact`;
}

/** True when `file` is exactly as RecDeck's last clean close left it. */
export function knownIntact(file: string): boolean {
  if (walInUse(file)) return false;
  try {
    return readFileSync(intactMarkerOf(file), 'utf8') === identityOf(file);
  } catch {
    return false;
  }
}

/** Records `file` as RecDeck left it after closing its last connection; clears the record while a WAL remains (another connection is open). */
export function markIntact(file: string): void {
  const marker = intactMarkerOf(file);
  if (walInUse(file)) return void rmSync(marker, { force: true });
  writeFileSync(marker, identityOf(file), { mode: 0o600 });
}

/** What `PRAGMA quick_check` finds wrong, at most 10 problems; empty when the file is sound. */
export function integrityProblems(db: DatabaseSync): string[] {
  const rows = db.prepare('PRAGMA quick_check(10)').all() as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check);
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
}

function walInUse(file: string): boolean {
  return existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0;
}

function identityOf(file: string): string {
  const s = statSync(file, { bigint: true });
  return JSON.stringify({ dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs) });
}
