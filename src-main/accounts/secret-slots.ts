import type { SecretOwnerKind, SecretStatus } from '@contract';
import { AppFailure } from '../errors/app-failure';
import { secretKey, type SecretVault } from '../secrets/secret-vault';
import type { SecretMetaRepo } from '../store/secret-meta-repo';

/**
 * The secret fields of accounts and storage targets: values in the vault, "last set" times in
 * SQLite. `configured` comes from the vault, so a session-only secret from a previous run correctly
 * shows as missing; only while the keychain does not answer does it come from the "last set" times.
 */
export class SecretSlots {
  constructor(
    private readonly vault: SecretVault,
    private readonly meta: SecretMetaRepo,
    private readonly now: () => number,
  ) {}

  async status(kind: SecretOwnerKind, id: string, fields: readonly string[]): Promise<SecretStatus[]> {
    const times = this.meta.list(kind, id);
    return Promise.all(
      fields.map(async (field) => {
        const configured = await this.vault.has(secretKey(kind, id, field)).catch((e: unknown) => {
          // The keychain cannot say right now (its banner explains why): the "last set" record in
          // SQLite is the best answer, so lists keep working and only reading a value fails.
          if (e instanceof AppFailure && e.code === 'KEYCHAIN_UNAVAILABLE') return times.has(field);
          throw e;
        });
        return { field, configured, updatedAt: configured ? (times.get(field) ?? null) : null };
      }),
    );
  }

  async set(kind: SecretOwnerKind, id: string, field: string, value: string): Promise<void> {
    await this.vault.set(secretKey(kind, id, field), value);
    this.meta.touch(kind, id, field, this.now());
  }

  async clear(kind: SecretOwnerKind, id: string, field: string): Promise<void> {
    await this.vault.delete(secretKey(kind, id, field));
    this.meta.delete(kind, id, field);
  }

  /** Removes every listed field; the vault first, so a keychain failure leaves the bookkeeping intact. */
  async clearAll(kind: SecretOwnerKind, id: string, fields: readonly string[]): Promise<void> {
    for (const field of fields) await this.vault.delete(secretKey(kind, id, field));
    this.meta.deleteOwner(kind, id);
  }

  /** Values of the listed fields that are set. Main-side only: the result must never reach the renderer or a log. */
  async read(kind: SecretOwnerKind, id: string, fields: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const field of fields) {
      const value = await this.vault.get(secretKey(kind, id, field));
      if (value !== null) out.set(field, value);
    }
    return out;
  }
}
