import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/app/core';
import { createVault } from '../../src-main/secrets/vault';
import { captureLog } from './log';

/** A real core on a fresh temporary data dir, secrets in session mode unless told otherwise. */
export async function testCore(options: { keychain?: 'session' | 'os' } = {}): Promise<{ core: Core; dataDir: string; logText: () => string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recdeck-core-'));
  const { log, text } = captureLog();
  const env = options.keychain === 'os' ? process.env : { ...process.env, RECDECK_KEYCHAIN: 'session' };
  const vault = await createVault({ log, env });
  const core = await createCore({ host: 'web', dataDir, version: '0.0.0-test', log, vault });
  return { core, dataDir, logText: text };
}
