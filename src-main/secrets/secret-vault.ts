import type { KeychainStatus } from '@contract';

/**
 * Where secret values live. Values only ever flow from the renderer into a vault and from a vault
 * into a vendor request; implementations never log or report them (only keys).
 */
export interface SecretVault {
  /** The value, or null when the key holds nothing. */
  get(key: string): Promise<string | null>;
  /** Stores or replaces the value. */
  set(key: string, value: string): Promise<void>;
  /** Removes the value; true when there was one. */
  delete(key: string): Promise<boolean>;
  /** Whether the key holds a value, without handing the value out. */
  has(key: string): Promise<boolean>;
  /** Which backend is in use and, in session mode or once the keychain stopped answering, why. */
  status(): KeychainStatus;
  /** Calls `listener` whenever {@link status} changes (the keychain stops answering, or answers again); returns the unsubscribe. */
  onStatusChange(listener: (status: KeychainStatus) => void): () => void;
}

/** Vault key of one secret field: `account:<id>:<field>` or `storage:<id>:<field>`. */
export function secretKey(owner: 'account' | 'storage', id: string, field: string): string {
  return `${owner}:${id}:${field}`;
}
