import { join } from 'node:path';
import { formatMessage, msg, taskStateText } from '@contract';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/db';
import { MIGRATIONS } from '../../../src-main/store/migrations';
import { SecretScrubber } from '../../../src-main/store/secret-scrubber';
import { TaskLedger } from '../../../src-main/store/task-ledger';
import { seedTask, T0 } from '../history/fixtures';
import { tempDir } from '../support';

let cleanup = (): void => {};
afterEach(() => cleanup());

describe('timeline messages in the ledger', () => {
  it('stores what happened as a message beside its English summary, secrets scrubbed, and reads rows from before migration 004 as summaries', () => {
    const tmp = tempDir('recdeck-ledger-');
    cleanup = tmp.cleanup;
    const file = join(tmp.dir, 'recdeck.sqlite');
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) });
    seedTask(before, { id: 't1' });
    before.close();

    const db = openDatabase(file);
    const scrubber = new SecretScrubber();
    scrubber.remember(['S3CRET-VALUE']);
    const ledger = new TaskLedger(db, scrubber);
    const message = msg('timeline.stateChanged', { from: taskStateText('recording'), to: taskStateText('paused'), vendor: 'ZEGO', rawFrom: '2', rawTo: 'S3CRET-VALUE' });
    ledger.addEvent('t1', { at: T0 + 5000, source: 'poll', kind: 'state-changed', message, state: 'paused' });
    const [old, added] = ledger.events('t1');
    db.close();

    expect([old?.summary, old?.message, added?.summary, JSON.stringify(added?.message).includes('S3CRET')]).toEqual([
      'start',
      null,
      'state recording→paused (ZEGO 2→***)',
      false,
    ]);
    expect(formatMessage('zh-CN', added!.message!)).toBe('状态 录制中→已暂停（ZEGO 2→***）');
  });
});
