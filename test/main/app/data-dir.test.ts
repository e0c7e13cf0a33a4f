import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/app/core';
import { fileSink } from '../../../src-main/logging/file-sink';
import { createLogger } from '../../../src-main/logging/logger';
import { createVault } from '../../../src-main/secrets/vault';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8).padStart(4, '0');

/** Starts and stops a core on `dataDir` the way `npm run serve` does: file log first, then the core. */
async function runOnce(dataDir: string): Promise<void> {
  const log = createLogger(fileSink(dataDir));
  const vault = await createVault({ log, env: { RECDECK_KEYCHAIN: 'session' } });
  const core = await createCore({ host: 'web', dataDir, version: 't', log, vault, sandbox: false });
  await core.close();
}

describe('the data directory', () => {
  it('is created 0700 with the database, its WAL files and the log 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'recdeck-perm-')), 'nested', 'RecDeck');
    const log = createLogger(fileSink(dataDir));
    const vault = await createVault({ log, env: { RECDECK_KEYCHAIN: 'session' } });
    const core = await createCore({ host: 'web', dataDir, version: 't', log, vault, sandbox: false });
    const open = ['', 'logs', 'logs/recdeck.log', 'recdeck.sqlite', 'recdeck.sqlite-wal', 'recdeck.sqlite-shm'].map((p) => [p, modeOf(join(dataDir, p))]);
    await core.close();
    expect(open).toEqual([
      ['', '0700'],
      ['logs', '0700'],
      ['logs/recdeck.log', '0600'],
      ['recdeck.sqlite', '0600'],
      ['recdeck.sqlite-wal', '0600'],
      ['recdeck.sqlite-shm', '0600'],
    ]);
  });

  it('tightens a directory and files an earlier version left 0755 / 0644, and says so in the log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recdeck-perm-'));
    await runOnce(dataDir);
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'logs'), 0o755);
    chmodSync(join(dataDir, 'logs', 'recdeck.log'), 0o644);
    chmodSync(join(dataDir, 'recdeck.sqlite'), 0o644);
    await runOnce(dataDir);
    const lines = readFileSync(join(dataDir, 'logs', 'recdeck.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; fields: unknown });
    expect({
      modes: ['', 'logs', 'logs/recdeck.log', 'recdeck.sqlite'].map((p) => modeOf(join(dataDir, p))),
      said: lines.filter((l) => l.event === 'data-dir.tightened').map((l) => l.fields),
    }).toEqual({
      modes: ['0700', '0700', '0600', '0600'],
      said: [{ path: dataDir, from: '0755', to: '0700' }],
    });
  });
});
