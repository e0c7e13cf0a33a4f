import { randomBytes } from 'node:crypto';
import { AppFailure } from '../ipc/app-error';
import type { SecretVault } from './vault';

/** The part of keytar RecDeck uses. */
interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Result of {@link openKeytarVault}: a working vault, or an operator-facing reason and a short cause for the log. */
export type OpenKeytarResult = { ok: true; vault: SecretVault } | { ok: false; reason: string; cause: string };

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
      reason:
        'The keychain library (keytar) could not be loaded: reinstall RecDeck or install libsecret-1, then restart RecDeck. Secrets are kept in memory until RecDeck quits.',
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
 * Turns a libsecret / D-Bus / keychain error message into a sentence the operator can act on.
 * Every reason ends by saying that secrets stay in memory for this session.
 */
export function explainKeychainFailure(message: string): string {
  const tail = ' Secrets are kept in memory until RecDeck quits.';
  if (/timed out/i.test(message)) {
    return `The keychain did not answer in time (it may be locked and waiting for a password): unlock it, then restart RecDeck.${tail}`;
  }
  if (/lock|unlock|prompt|dismiss/i.test(message)) {
    return `The keychain is locked: unlock it (log in again or open Passwords and Keys), then restart RecDeck.${tail}`;
  }
  if (/denied|refus|not allowed|cancel|permission/i.test(message)) {
    return `The keychain refused access to RecDeck: allow RecDeck in your keychain settings, then restart RecDeck.${tail}`;
  }
  if (/collection|object does not exist|no such object/i.test(message)) {
    return `The keychain has no usable default keyring: open Passwords and Keys, create or unlock the "Login" keyring, then restart RecDeck.${tail}`;
  }
  if (/d-?bus|org\.freedesktop\.secrets|secret service|autolaunch|socket|connect|no such file|name has no owner|not provided by any/i.test(message)) {
    return `No Secret Service (gnome-keyring/KWallet) answered on D-Bus: install and unlock one, then restart RecDeck.${tail}`;
  }
  return `The OS keychain failed (${message.slice(0, 120)}): check that a keychain is installed and unlocked, then restart RecDeck.${tail}`;
}

function keytarVault(keytar: Keytar, service: string): SecretVault {
  // Errors are rebuilt from the operation and key only: a library message must never carry a value.
  const guard = async <T>(op: string, key: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch {
      throw new AppFailure('KEYCHAIN_UNAVAILABLE', `The keychain refused to ${op} ${key}; unlock it and try again.`, {
        retryable: true,
        details: { entry: key },
      });
    }
  };
  return {
    get: (key) => guard('read', key, () => keytar.getPassword(service, key)),
    set: (key, value) => guard('store', key, () => keytar.setPassword(service, key, value)),
    delete: (key) => guard('delete', key, () => keytar.deletePassword(service, key)),
    has: (key) => guard('read', key, async () => (await keytar.getPassword(service, key)) !== null),
    status: () => ({ backend: 'keytar', available: true }),
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
