import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { knownIntact } from '../../../src-main/store/integrity';
import { tempDir } from '../support';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('knowing a database is as RecDeck left it', () => {
  it('holds after a clean close and not after a write elsewhere, a replacement, or while a connection is open', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'recdeck.sqlite');
    const migrations = ['CREATE TABLE t (x INTEGER)'];
    const verdicts: Record<string, boolean> = {};

    openDatabase(file, { migrations }).close();
    verdicts.afterCleanClose = knownIntact(file);

    const open = openDatabase(file, { migrations });
    open.exec('INSERT INTO t VALUES (1)');
    verdicts.whileOpenWithWal = knownIntact(file);
    open.close();
    verdicts.afterSecondClose = knownIntact(file);

    const other = new DatabaseSync(file);
    other.exec('INSERT INTO t VALUES (2)');
    other.close();
    verdicts.afterOutsideWrite = knownIntact(file);

    openDatabase(file, { migrations }).close();
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
    verdicts.afterReplacement = knownIntact(file);

    expect(verdicts).toEqual({
      afterCleanClose: true,
      whileOpenWithWal: false,
      afterSecondClose: true,
      afterOutsideWrite: false,
      afterReplacement: false,
    });
  });
});
