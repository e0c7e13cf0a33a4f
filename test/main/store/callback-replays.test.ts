import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CallbackReplayStore } from '../../../src-main/store/callback-replays';
import { openDatabase } from '../../../src-main/store/db';

const NOW = Date.UTC(2026, 10, 1);
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('callback replay records', () => {
  it('takes a signature once per body, remembers it across a reopen, and prunes it once it has expired', () => {
    dir = mkdtempSync(join(tmpdir(), 'recdeck-replays-'));
    const file = join(dir, 'recdeck.sqlite');
    let db = openDatabase(file);
    const first = new CallbackReplayStore(db);
    const taken = [first.claim('acc', 'sig-1', 'body-a', NOW + 60_000, NOW), first.claim('acc', 'sig-1', 'body-a', NOW + 60_000, NOW + 1), first.claim('acc', 'sig-2', 'body-b', NOW + 300_000, NOW)];
    db.close();

    db = openDatabase(file);
    const reopened = new CallbackReplayStore(db);
    const afterRestart = [reopened.claim('acc', 'sig-1', 'forged', NOW + 60_000, NOW + 2), reopened.claim('other-acc', 'sig-1', 'body-a', NOW + 60_000, NOW + 2)];
    const later = NOW + 120_000;
    reopened.claim('acc', 'sig-3', 'body-c', later + 60_000, later);
    const kept = (db.prepare('SELECT token FROM callback_replays WHERE account_id = ? ORDER BY token').all('acc') as Array<{ token: string }>).map((r) => r.token);
    db.close();

    expect({ taken, afterRestart, kept }).toEqual({ taken: ['new', 'same', 'new'], afterRestart: ['other', 'new'], kept: ['sig-2', 'sig-3'] });
  });
});
