import { randomBytes } from 'node:crypto';
import { msg, type KeychainStatus, type Message } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { SecretVault } from './secret-vault';

/** The part of keytar RecDeck uses. */
interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Result of {@link openKeytarVault}: a working vault, or an operator-facing reason and a short cause for the log. */
export type OpenKeytarResult = { ok: true; vault: SecretVault } | { ok: false; reason: Message; cause: string };

/**
 * Loads keytar (lazily: the native module is only touched here) and probes the keychain with a
 * throw-away entry. The probe's value is random and not a secret, so its errors may be logged.
 */
export async function openKeytarVault(service: string, probeTimeoutMs: number): Promise<OpenKeytarResult> {
  let keytar: Keytar;
  try {
    const mod = (await import('keytar')) as Keytar & { default?: Keytar };
    keytar = mod.default ?? mod;
  } catch (e) {
    return {
      ok: false,
      reason: withTail(msg('keychain.noLibrary')),
      cause: messageOf(e),
    };
  }
  const probeKey = `probe:${randomBytes(6).toString('hex')}`;
  const probeValue = randomBytes(12).toString('hex');
  try {
    await withTimeout(
      (async () => {
        await keytar.setPassword(service, probeKey, probeValue);
        const read = await keytar.getPassword(service, probeKey);
        await keytar.deletePassword(service, probeKey);
        if (read !== probeValue) throw new Error('probe read back a different value');
      })(),
      probeTimeoutMs,
    );
  } catch (e) {
    return { ok: false, reason: explainKeychainFailure(messageOf(e)), cause: messageOf(e) };
  }
  return { ok: true, vault: keytarVault(keytar, service) };
}

/**
 * Turns a libsecret / D-Bus / keychain error message into a sentence the operator can act on. Every reason ends by saying that secrets stay in memory for this session.
 */
export function explainKeychainFailure(message: string): Message {
  if (/timed out/i.test(message)) {
    return withTail(msg('keychain.timeout'));
  }
  if (/lock|unlock|prompt|dismiss/i.test(message)) {
    return withTail(msg('keychain.locked'));
  }
  if (/denied|refus|not allowed|cancel|permission/i.test(message)) {
    return withTail(msg('keychain.denied'));
  }
  if (/collection|object does not exist|no such object/i.test(message)) {
    return withTail(msg('keychain.noKeyring'));
  }
  if (/d-?bus|org\.freedesktop\.secrets|secret service|autolaunch|socket|connect|no such file|name has no owner|not provided by any/i.test(message)) {
    return withTail(msg('keychain.noService'));
  }
  return withTail(msg('keychain.failed', { cause: message.slice(0, 120) }));
}

/** Adds the sentence every reason ends with. */
export function withTail(reason: Message): Message {
  return msg('keychain.sessionOnly', { reason });
}

/**
 * Why the keychain stopped answering mid-session, phrased for the operator. The library's own message
 * is only sorted into a cause, never shown: it is not ours to vouch for.
 */
export function explainKeychainLoss(message: string): Message {
  const cause = /lock|unlock|prompt|dismiss/i.test(message)
    ? msg('keychain.lostCause.locked')
    : /denied|refus|not allowed|cancel|permission/i.test(message)
      ? msg('keychain.lostCause.denied')
      : /collection|object does not exist|no such object/i.test(message)
        ? msg('keychain.lostCause.noKeyring')
        : /d-?bus|org\.freedesktop\.secrets|secret service|socket|connect|name has no owner|not provided by any/i.test(message)
          ? msg('keychain.lostCause.noService')
          : msg('keychain.lostCause.failed');
  return msg('keychain.lost', { cause });
}

/**
 * The keychain as a vault. It starts available (the probe passed); a failing call marks it
 * unavailable with a reason and a succeeding one marks it available again, and listeners hear of
 * each change. libsecret keeps talking to the daemon it first reached, so after a keychain daemon
 * restarts only a RecDeck restart reaches the new one: the reason says so.
 */
function keytarVault(keytar: Keytar, service: string): SecretVault {
  let status: KeychainStatus = { backend: 'keytar', available: true };
  const listeners = new Set<(status: KeychainStatus) => void>();
  const update = (next: KeychainStatus): void => {
    if (next.available === status.available && JSON.stringify(next.reason) === JSON.stringify(status.reason)) return;
    status = next;
    for (const listener of listeners) listener(next);
  };
  // Errors are rebuilt from the operation and key only: a library message must never carry a value.
  const guard = async <T>(op: 'read' | 'store' | 'delete', key: string, fn: () => Promise<T>): Promise<T> => {
    let value: T;
    try {
      value = await fn();
    } catch (e) {
      const reason = explainKeychainLoss(messageOf(e));
      update({ backend: 'keytar', available: false, reason });
      throw new AppFailure('KEYCHAIN_UNAVAILABLE', msg('keychain.couldNot', { op: msg(`keychain.op.${op}`), entry: key, reason }), {
        retryable: true,
        details: { entry: key },
      });
    }
    update({ backend: 'keytar', available: true });
    return value;
  };
  return {
    get: (key) => guard('read', key, () => keytar.getPassword(service, key)),
    set: (key, value) => guard('store', key, () => keytar.setPassword(service, key, value)),
    delete: (key) => guard('delete', key, () => keytar.deletePassword(service, key)),
    has: (key) => guard('read', key, async () => (await keytar.getPassword(service, key)) !== null),
    status: () => status,
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`keychain probe timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300);
}
