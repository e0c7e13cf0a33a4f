import { randomBytes } from 'node:crypto';
import type { KeychainStatus, LocalizedText } from '@contract';
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

/**
 * Why the keychain stopped answering mid-session, phrased for the operator in both languages. The
 * library's own message is only sorted into a cause, never shown: it is not ours to vouch for.
 */
export function explainKeychainLoss(message: string): LocalizedText {
  const [en, zh] = /lock|unlock|prompt|dismiss/i.test(message)
    ? ['it is locked', '钥匙串已锁定']
    : /denied|refus|not allowed|cancel|permission/i.test(message)
      ? ['it refused RecDeck access', '钥匙串拒绝了 RecDeck 的访问']
      : /collection|object does not exist|no such object/i.test(message)
        ? ['its default keyring is gone or locked', '默认密钥环不存在或已锁定']
        : /d-?bus|org\.freedesktop\.secrets|secret service|socket|connect|name has no owner|not provided by any/i.test(message)
          ? ['its Secret Service (gnome-keyring/KWallet) is no longer running', '其 Secret Service（gnome-keyring/KWallet）已不在运行']
          : ['it failed', '钥匙串出错'];
  return {
    en:
      `The keychain stopped answering: ${en}. Until it is back RecDeck cannot read or store secrets, so recordings cannot be started, ` +
      'stopped or tested; accounts, storage and history stay available. Start or unlock the keychain, then restart RecDeck.',
    'zh-CN': `钥匙串已停止响应：${zh}。在其恢复之前，RecDeck 无法读取或保存密钥，因此无法开始、停止或测试录制；账号、存储和历史记录仍可使用。请启动或解锁钥匙串，然后重启 RecDeck。`,
  };
}

const OPERATIONS: Record<string, LocalizedText> = {
  read: { en: 'read', 'zh-CN': '读取' },
  store: { en: 'store', 'zh-CN': '保存' },
  delete: { en: 'delete', 'zh-CN': '删除' },
};

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
    if (next.available === status.available && next.reason?.en === status.reason?.en) return;
    status = next;
    for (const listener of listeners) listener(next);
  };
  // Errors are rebuilt from the operation and key only: a library message must never carry a value.
  const guard = async <T>(op: keyof typeof OPERATIONS, key: string, fn: () => Promise<T>): Promise<T> => {
    let value: T;
    try {
      value = await fn();
    } catch (e) {
      const reason = explainKeychainLoss(messageOf(e));
      update({ backend: 'keytar', available: false, reason });
      const verb = OPERATIONS[op] as LocalizedText;
      throw new AppFailure(
        'KEYCHAIN_UNAVAILABLE',
        { en: `RecDeck could not ${verb.en} the secret ${key}. ${reason.en}`, 'zh-CN': `RecDeck 无法${verb['zh-CN']}密钥 ${key}。${reason['zh-CN']}` },
        { retryable: true, details: { entry: key } },
      );
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
