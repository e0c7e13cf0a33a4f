import {
  ACCOUNT_SECRET_FIELDS,
  msg,
  SecretClearInputSchema,
  SecretSetInputSchema,
  SecretStatusInputSchema,
  type SecretOwnerKind,
  type SecretStatus,
} from '@contract';
import type { AccountsService } from './accounts-service';
import { parseOrFail, validationFailure } from '../errors/validation';
import type { SecretSlots } from './secret-slots';
import { storageSecretFields, type StorageService } from './storage-service';

/**
 * `secrets:set / clear / status` for accounts and storage targets. Answers carry status only
 * (`{ field, configured, updatedAt }`), never a value.
 */
export class SecretsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly storage: StorageService,
    private readonly slots: SecretSlots,
    /** Called after an account's secret was set or cleared (a vendor connection built from it is stale). */
    private readonly accountChanged: (accountId: string) => void = () => undefined,
  ) {}

  /** Stores or replaces one secret field. */
  async set(input: unknown): Promise<SecretStatus> {
    const { owner, id, field, value } = parseOrFail(SecretSetInputSchema, input);
    this.assertField(owner, id, field);
    try {
      await this.slots.set(owner, id, field, value);
    } finally {
      if (owner === 'account') this.accountChanged(id);
    }
    return this.one(owner, id, field);
  }

  /** Removes one secret field. */
  async clear(input: unknown): Promise<SecretStatus> {
    const { owner, id, field } = parseOrFail(SecretClearInputSchema, input);
    this.assertField(owner, id, field);
    try {
      await this.slots.clear(owner, id, field);
    } finally {
      if (owner === 'account') this.accountChanged(id);
    }
    return this.one(owner, id, field);
  }

  /** Status of every secret field of one account or storage target. */
  async status(input: unknown): Promise<SecretStatus[]> {
    const { owner, id } = parseOrFail(SecretStatusInputSchema, input);
    return this.slots.status(owner, id, this.fieldsOf(owner, id));
  }

  private async one(owner: SecretOwnerKind, id: string, field: string): Promise<SecretStatus> {
    const [status] = await this.slots.status(owner, id, [field]);
    return status as SecretStatus;
  }

  private fieldsOf(owner: SecretOwnerKind, id: string): readonly string[] {
    return owner === 'account'
      ? ACCOUNT_SECRET_FIELDS[this.accounts.require(id).vendor]
      : storageSecretFields(this.storage.require(id).provider);
  }

  private assertField(owner: SecretOwnerKind, id: string, field: string): void {
    if (!this.fieldsOf(owner, id).includes(field)) {
      throw validationFailure({ field: msg('account.notASecret') });
    }
  }
}
