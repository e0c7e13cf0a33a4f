import { randomBytes } from 'node:crypto';
import type { LocalizedText } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { SecretVault } from './secret-vault';

/** The part of keytar RecDeck uses. */
interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Result of {@link openKeytarVault}: a working vault, or an operator-facing reason and a short cause for the log. */
export type OpenKeytarResult = { ok: true; vault: SecretVault } | { ok: false; reason: LocalizedText; cause: string };

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
      reason: withTail(
        'The keychain library (keytar) could not be loaded: reinstall RecDeck or install libsecret-1, then restart RecDeck.',
        '无法加载钥匙串组件（keytar）：请重新安装 RecDeck 或安装 libsecret-1，然后重启 RecDeck。',
      ),
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
 * Turns a libsecret / D-Bus / keychain error message into a sentence the operator can act on, in
 * both languages. Every reason ends by saying that secrets stay in memory for this session.
 */
export function explainKeychainFailure(message: string): LocalizedText {
  if (/timed out/i.test(message)) {
    return withTail(
      'The keychain did not answer in time (it may be locked and waiting for a password): unlock it, then restart RecDeck.',
      '钥匙串没有及时响应（可能已锁定并在等待密码）：请解锁后重启 RecDeck。',
    );
  }
  if (/lock|unlock|prompt|dismiss/i.test(message)) {
    return withTail(
      'The keychain is locked: unlock it (log in again or open Passwords and Keys), then restart RecDeck.',
      '钥匙串已锁定：请解锁（重新登录或打开“密码和密钥”），然后重启 RecDeck。',
    );
  }
  if (/denied|refus|not allowed|cancel|permission/i.test(message)) {
    return withTail(
      'The keychain refused access to RecDeck: allow RecDeck in your keychain settings, then restart RecDeck.',
      '钥匙串拒绝了 RecDeck 的访问：请在钥匙串设置中允许 RecDeck，然后重启 RecDeck。',
    );
  }
  if (/collection|object does not exist|no such object/i.test(message)) {
    return withTail(
      'The keychain has no usable default keyring: open Passwords and Keys, create or unlock the "Login" keyring, then restart RecDeck.',
      '钥匙串没有可用的默认密钥环：请打开“密码和密钥”，创建或解锁“登录”密钥环，然后重启 RecDeck。',
    );
  }
  if (/d-?bus|org\.freedesktop\.secrets|secret service|autolaunch|socket|connect|no such file|name has no owner|not provided by any/i.test(message)) {
    return withTail(
      'No Secret Service (gnome-keyring/KWallet) answered on D-Bus: install and unlock one, then restart RecDeck.',
      'D-Bus 上没有可用的 Secret Service（gnome-keyring/KWallet）：请安装并解锁其中之一，然后重启 RecDeck。',
    );
  }
  return withTail(
    `The OS keychain failed (${message.slice(0, 120)}): check that a keychain is installed and unlocked, then restart RecDeck.`,
    `系统钥匙串出错（${message.slice(0, 120)}）：请确认已安装并解锁钥匙串，然后重启 RecDeck。`,
  );
}

/** Adds the sentence every reason ends with. */
export function withTail(en: string, zh: string): LocalizedText {
  return { en: `${en} Secrets are kept in memory until RecDeck quits.`, 'zh-CN': `${zh}在 RecDeck 退出前，密钥只保存在内存中。` };
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
