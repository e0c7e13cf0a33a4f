import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger, LogLine } from '../../src-main/logging/logger';
import { createLogger } from '../../src-main/logging/logger';
import { AppFailure } from '../../src-main/errors/app-failure';
import type { SecretVault } from '../../src-main/secrets/secret-vault';

/** A temp dir removed by the returned cleanup. */
export function tempDir(prefix = 'recdeck-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real logger whose lines are captured as JSON text. */
export function capturingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger((l: LogLine) => lines.push(JSON.stringify(l))), lines };
}

/** A keychain service name unique to this run, so parallel runs and leftovers never collide. */
export function uniqueService(): string {
  return `recdeck-test-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Removes every entry of `service` from the real keychain. */
export async function purgeKeychain(service: string): Promise<void> {
  const keytar = await loadKeytar();
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
}

/** keytar itself, for tests that check what really landed in the OS keychain. */
export async function loadKeytar(): Promise<typeof import('keytar')> {
  const mod = (await import('keytar')) as typeof import('keytar') & { default?: typeof import('keytar') };
  return mod.default ?? mod;
}

/** The AppFailure a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function vendorFailure(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected an AppFailure');
}

/** The real keychain behind a wrapper that counts every read (`get` and `has` both ask the keychain). */
export function countingVault(reads: { n: number }) {
  return (inner: SecretVault): SecretVault => ({
    ...inner,
    get: (key) => {
      reads.n += 1;
      return inner.get(key);
    },
    has: (key) => {
      reads.n += 1;
      return inner.has(key);
    },
  });
}
