import type { AccountDraft, AccountSecretField, StorageSecretField, StorageTargetDraft, VendorId } from '@contract';

/**
 * An account with its secret values, for vendor clients on the main side only. Never return it
 * from a channel, log it or put it in an error.
 */
export type AccountCredentials = {
  [V in VendorId]: Extract<AccountDraft, { vendor: V }> & {
    id: string;
    secrets: Partial<Record<AccountSecretField<V>, string>>;
  };
}[VendorId];

/**
 * A storage target with its keys, for building a vendor request at send time (main side only).
 * Keys go into the outgoing body and nowhere else: stored copies of the request are redacted.
 */
export interface StorageForSend {
  target: StorageTargetDraft & { id: string };
  keys: Partial<Record<StorageSecretField, string>>;
}
