import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvokeChannel, OutputOf, RawInputOf, Result } from '@contract';
import { createCore, type Core } from '../../src-main/app/core';
import { createVault } from '../../src-main/secrets/vault';
import { captureLog } from './log';

/** A real core on a temporary (or given) data dir; secrets in session mode unless `service` names a keychain service. */
export async function testCore(
  options: { service?: string; dataDir?: string; sandbox?: boolean } = {},
): Promise<{ core: Core; dataDir: string; logText: () => string; call: <C extends InvokeChannel>(channel: C, input: RawInputOf<C>) => Promise<Result<OutputOf<C>>> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'recdeck-core-'));
  const { log, text } = captureLog();
  const env = options.service ? { ...process.env, RECDECK_KEYCHAIN_SERVICE: options.service } : { ...process.env, RECDECK_KEYCHAIN: 'session' };
  const vault = await createVault({ log, env });
  const core = await createCore({ host: 'web', dataDir, version: '0.0.0-test', log, vault, sandbox: options.sandbox ?? false });
  const call = <C extends InvokeChannel>(channel: C, input: RawInputOf<C>) =>
    core.dispatch(channel, input, { host: 'web', trusted: true, senderId: 'test' }) as Promise<Result<OutputOf<C>>>;
  return { core, dataDir, logText: text, call };
}

/** The value of an ok Result, or a failed test naming the error. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
