import type { Message } from '@contract';
import type { SecretVault } from './secret-vault';

/**
 * Memory-only vault for when no keychain answers. Values vanish when the process ends, which is the
 * point: RecDeck never writes a secret to disk in plain text, and never under a key of its own.
 */
export function createSessionVault(reason: Message): SecretVault {
  const values = new Map<string, string>();
  return {
    async get(key) {
      return values.get(key) ?? null;
    },
    async set(key, value) {
      values.set(key, value);
    },
    async delete(key) {
      return values.delete(key);
    },
    async has(key) {
      return values.has(key);
    },
    status() {
      return { backend: 'session', available: false, reason };
    },
    // Memory never goes away mid-session: the status is the one it started with.
    onStatusChange: () => () => undefined,
  };
}
