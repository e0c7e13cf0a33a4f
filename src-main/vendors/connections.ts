import type { VendorId } from '@contract';
import type { VendorConnection, VendorDeps } from './adapter';
import type { AccountCredentials } from './credentials';
import { adapterOf } from './registry';

/**
 * Reads an account's credentials (a keychain read). `require` names the secret fields that must be
 * set. Injected, because the accounts domain sits above the vendors.
 */
export type CredentialsLoader = (accountId: string, require: readonly string[]) => Promise<AccountCredentials>;

/** A signed connection to one account and the secret values it was built from (for the task ledger's scrubber). */
export interface AccountConnection {
  connection: VendorConnection;
  secretValues: readonly string[];
}

/**
 * Connections per account, keyed by the account id and a version that {@link ConnectionCache.drop}
 * moves on. A background poll reuses the connection: no keychain read, no new HTTP client.
 */
export interface ConnectionCache {
  /** The account's connection, built on first use or after a drop. A failed build is not kept. */
  get(accountId: string, vendor: VendorId): Promise<AccountConnection>;
  /**
   * One secret of the account (the callback receiver's verification key), or null while it is not
   * set. Read from the keychain on first use and after a drop, like the connection, so a flood of
   * callbacks costs no keychain read. A failed read is not kept.
   */
  secret(accountId: string, field: string): Promise<string | null>;
  /**
   * Forgets the account's connection; the next `get` reads the credentials again. Called whenever a
   * secret, the endpoint or any field a connection is built from may have changed, or the account went.
   */
  drop(accountId: string): void;
}

/** A new, uncached connection for one account (the connection test builds one from what is stored now). */
export function connect(account: AccountCredentials, deps: VendorDeps): VendorConnection {
  const adapter = adapterOf(account.vendor);
  return adapter.connect(account as never, account.endpoint ?? adapter.defaultBaseUrl(account as never), deps);
}

/** Builds the process's connection cache over the shared vendor services. */
export function createConnectionCache(deps: { vendorDeps: VendorDeps; loadCredentials: CredentialsLoader }): ConnectionCache {
  const versions = new Map<string, number>();
  const entries = new Map<string, Promise<AccountConnection>>();
  const secrets = new Map<string, Promise<string | null>>();
  const keyOf = (accountId: string): string => `${accountId}#${versions.get(accountId) ?? 0}`;
  /** The cached promise under `key`, or a new one from `load` that is forgotten if it fails. */
  function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const known = map.get(key);
    if (known) return known;
    const loading = load();
    map.set(key, loading);
    loading.catch(() => {
      if (map.get(key) === loading) map.delete(key);
    });
    return loading;
  }
  return {
    get(accountId, vendor) {
      return cached(entries, keyOf(accountId), () =>
        deps.loadCredentials(accountId, adapterOf(vendor).pingSecrets).then((credentials) => ({
          connection: connect(credentials, deps.vendorDeps),
          secretValues: Object.values(credentials.secrets).filter((v): v is string => typeof v === 'string'),
        })),
      );
    },
    secret(accountId, field) {
      return cached(secrets, `${keyOf(accountId)}\n${field}`, () =>
        deps.loadCredentials(accountId, []).then((credentials) => (credentials.secrets as Record<string, string | undefined>)[field] ?? null),
      );
    },
    drop(accountId) {
      const old = keyOf(accountId);
      entries.delete(old);
      for (const key of secrets.keys()) if (key.startsWith(`${old}\n`)) secrets.delete(key);
      versions.set(accountId, (versions.get(accountId) ?? 0) + 1);
    },
  };
}
