import { formatMessage, msg } from '@contract';
import type { Logger } from '../logging/logger';
import { openKeytarVault, withTail } from './keytar-vault';
import { createSessionVault } from './session-vault';
import type { SecretVault } from './secret-vault';

/** Default keychain service name; `RECDECK_KEYCHAIN_SERVICE` overrides it (tests use one per run). */
export const DEFAULT_KEYCHAIN_SERVICE = 'recdeck';

/** Where the vault logs (keys only), which keychain service it uses and how long its start-up probe may wait. */
export interface CreateVaultOptions {
  log: Logger;
  /** Keychain service name; defaults to `RECDECK_KEYCHAIN_SERVICE` or `recdeck`. */
  service?: string;
  /** Environment to read `RECDECK_KEYCHAIN` / `RECDECK_KEYCHAIN_SERVICE` from; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** How long the start-up probe may take before the keychain counts as unavailable (a locked keyring can wait on a prompt). */
  probeTimeoutMs?: number;
}

/**
 * Opens the OS keychain through keytar after one probe (set, get, delete of a throw-away entry).
 * When the probe fails, or `RECDECK_KEYCHAIN=session` asks for it, falls back to a memory-only
 * vault whose status carries a reason the operator can act on. Never writes a secret to disk itself.
 */
export async function createVault(options: CreateVaultOptions): Promise<SecretVault> {
  const env = options.env ?? process.env;
  const service = options.service ?? (env.RECDECK_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE);
  if (env.RECDECK_KEYCHAIN === 'session') {
    const reason = withTail(msg('keychain.switchedOff'));
    options.log.warn('secrets.session', { reason: formatMessage('en', reason) });
    return serialisePerKey(createSessionVault(reason), options.log);
  }
  const opened = await openKeytarVault(service, options.probeTimeoutMs ?? 5000);
  if (opened.ok) {
    options.log.info('secrets.keychain', { service });
    opened.vault.onStatusChange((status) => {
      if (status.available) options.log.info('secrets.keychain-back', { service });
      else options.log.warn('secrets.keychain-lost', { service, reason: status.reason ? formatMessage('en', status.reason) : null });
    });
    return serialisePerKey(opened.vault, options.log);
  }
  options.log.warn('secrets.session', { reason: formatMessage('en', opened.reason), cause: opened.cause });
  return serialisePerKey(createSessionVault(opened.reason), options.log);
}

/**
 * Wraps a vault so calls on the same key run one after another (a `set` racing a `delete` from a
 * double click would otherwise leave either outcome) and every call is logged by key only.
 */
export function serialisePerKey(inner: SecretVault, log: Logger): SecretVault {
  const tails = new Map<string, Promise<unknown>>();
  function run<T>(key: string, op: string, fn: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    if (op !== 'get' && op !== 'has') {
      next.then(
        () => log.info(`secrets.${op}`, { entry: key }),
        (e: unknown) => log.warn(`secrets.${op}.failed`, { entry: key, code: (e as { code?: unknown }).code ?? 'unknown' }),
      );
    }
    return next;
  }
  return {
    get: (key) => run(key, 'get', () => inner.get(key)),
    set: (key, value) => run(key, 'set', () => inner.set(key, value)),
    delete: (key) => run(key, 'delete', () => inner.delete(key)),
    has: (key) => run(key, 'has', () => inner.has(key)),
    status: () => inner.status(),
    onStatusChange: (listener) => inner.onStatusChange(listener),
  };
}
