import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import {
  ACCOUNT_SECRET_FIELDS,
  AccountCreateInputSchema,
  isOptionalSecretField,
  AccountDeleteInputSchema,
  AccountDraftSchema,
  AccountUpdateInputSchema,
  msg,
  type Account,
  type AccountDraft,
  type FieldErrors,
  type VendorId,
} from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { AccountCredentials } from '../vendors/credentials';
import { AccountsRepo, type AccountRecord } from '../store/accounts-repo';
import { transaction } from '../store/db';
import { parseOrFail, validationFailure } from '../errors/validation';
import { duplicateName, notFound } from './errors';
import type { SecretSlots } from './secret-slots';

export interface AccountsServiceDeps {
  db: DatabaseSync;
  slots: SecretSlots;
  log: Logger;
  now?: () => number;
  newId?: () => string;
  /** How many recorded tasks refer to an account; the tasks table arrives later, so the default is 0. */
  countTasksForAccount?: (accountId: string) => number;
  /** Called after an account was updated or deleted (a vendor connection built from it is stale). */
  onChanged?: (accountId: string) => void;
}

const PER_VENDOR = msg('account.scope.vendor');

/** Account CRUD with field-level validation; secrets go through {@link SecretSlots}. */
export class AccountsService {
  private readonly repo: AccountsRepo;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly countTasks: (accountId: string) => number;

  constructor(private readonly deps: AccountsServiceDeps) {
    this.repo = new AccountsRepo(deps.db);
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.countTasks = deps.countTasksForAccount ?? (() => 0);
  }

  /** Every account, sorted by vendor then name, with secret status. */
  async list(): Promise<Account[]> {
    return Promise.all(this.repo.list().map((r) => this.present(r)));
  }

  /** One account; `NOT_FOUND` when absent. */
  async get(id: string): Promise<Account> {
    return this.present(this.require(id));
  }

  /** The stored record without secret status (for import/export and other services). */
  records(): AccountRecord[] {
    return this.repo.list();
  }

  /** Creates an account; secrets in the input are stored in the vault. */
  async create(input: unknown): Promise<Account> {
    const parsed = parseOrFail(AccountCreateInputSchema, input);
    const { secrets, ...draft } = parsed;
    this.assertNameFree(draft.vendor, draft.name, null);
    const at = this.now();
    const record: AccountRecord = { ...toRecordFields(draft), id: this.newId(), createdAt: at, updatedAt: at };
    this.repo.insert(record);
    try {
      await this.storeSecrets(record, secrets ?? {});
    } catch (e) {
      await this.deps.slots.clearAll('account', record.id, ACCOUNT_SECRET_FIELDS[record.vendor]).catch(() => undefined);
      this.repo.delete(record.id);
      throw e;
    }
    this.deps.log.info('accounts.created', { id: record.id, vendor: record.vendor });
    return this.present(record);
  }

  /** Applies a patch, validated as a whole after merging over the stored account. */
  async update(input: unknown): Promise<Account> {
    const { id, patch, secrets } = parseOrFail(AccountUpdateInputSchema, input);
    const existing = this.require(id);
    const errors: FieldErrors = {};
    if ('vendor' in patch && patch.vendor !== existing.vendor) {
      errors.vendor = msg('account.vendorFixed');
    }
    const fieldsPatch = patch.fields ?? {};
    if (typeof fieldsPatch !== 'object' || fieldsPatch === null || Array.isArray(fieldsPatch)) {
      errors.fields = msg('field.expected', { kind: msg('field.kind.object') });
    }
    if (Object.keys(errors).length > 0) throw validationFailure(errors);
    const { vendor: _vendor, fields: _fields, ...rest } = patch;
    const merged = {
      vendor: existing.vendor,
      name: existing.name,
      environment: existing.environment,
      endpoint: existing.endpoint,
      ...rest,
      fields: { ...existing.fields, ...(fieldsPatch as Record<string, unknown>) },
    };
    const draft = parseOrFail(AccountDraftSchema, merged);
    const secretValues = secrets === undefined ? {} : parseOrFail(secretValuesSchema(existing.vendor), secrets, 'secrets');
    this.assertNameFree(draft.vendor, draft.name, id);
    const record: AccountRecord = { ...toRecordFields(draft), id, createdAt: existing.createdAt, updatedAt: this.now() };
    this.repo.update(record);
    try {
      await this.storeSecrets(record, secretValues);
    } finally {
      this.deps.onChanged?.(id);
    }
    this.deps.log.info('accounts.updated', { id });
    return this.present(record);
  }

  /**
   * Deletes an account and its keychain entries. When recorded tasks refer to it, `confirm: true` is
   * required (else `CONFLICT` with `details.taskCount`); their history keeps the account's name.
   */
  async delete(input: unknown): Promise<{ deleted: true; taskCount: number }> {
    const { id, confirm } = parseOrFail(AccountDeleteInputSchema, input);
    const existing = this.require(id);
    const taskCount = this.countTasks(id);
    if (taskCount > 0 && !confirm) {
      throw new AppFailure('CONFLICT', msg('account.inUse', { count: taskCount }), {
        details: { taskCount },
      });
    }
    try {
      await this.deps.slots.clearAll('account', id, ACCOUNT_SECRET_FIELDS[existing.vendor]);
      this.repo.delete(id);
    } finally {
      this.deps.onChanged?.(id);
    }
    this.deps.log.info('accounts.deleted', { id, taskCount });
    return { deleted: true, taskCount };
  }

  /** Inserts validated drafts in one transaction (used by import); secrets are never part of it. */
  insertMany(drafts: readonly AccountDraft[]): AccountRecord[] {
    return transaction(this.deps.db, () =>
      drafts.map((draft) => {
        const at = this.now();
        const record: AccountRecord = { ...toRecordFields(draft), id: this.newId(), createdAt: at, updatedAt: at };
        this.repo.insert(record);
        return record;
      }),
    );
  }

  /**
   * Non-secret fields plus secret values, for vendor clients. By default every non-optional secret
   * field of the vendor must be set (else `SECRET_MISSING` naming the fields); pass `require` to need
   * other ones (the callback receiver requires its optional verification key this way).
   */
  async getAccountCredentials(id: string, options: { require?: readonly string[] } = {}): Promise<AccountCredentials> {
    const record = this.require(id);
    const fields = ACCOUNT_SECRET_FIELDS[record.vendor];
    const values = await this.deps.slots.read('account', id, fields);
    const required = options.require ?? fields.filter((f) => !isOptionalSecretField(record.vendor, f));
    const missing = required.filter((f) => !values.has(f));
    if (missing.length > 0) {
      throw new AppFailure('SECRET_MISSING', msg('account.secretMissing', { name: record.name, fields: missing.join(', ') }), {
        details: { accountId: id, fields: missing },
      });
    }
    return {
      ...(toDraft(record) as AccountDraft),
      id,
      secrets: Object.fromEntries(values),
    } as AccountCredentials;
  }

  /** The record, or `NOT_FOUND`. */
  require(id: string): AccountRecord {
    const record = this.repo.get(id);
    if (!record) throw notFound('account', id);
    return record;
  }

  /** Whether `field` is a secret of the vendor. */
  static isSecretField(vendor: VendorId, field: string): boolean {
    return (ACCOUNT_SECRET_FIELDS[vendor] as readonly string[]).includes(field);
  }

  private assertNameFree(vendor: VendorId, name: string, selfId: string | null): void {
    const clash = this.repo.findByName(vendor, name);
    if (clash && clash.id !== selfId) throw validationFailure({ name: duplicateName(PER_VENDOR) });
  }

  private async storeSecrets(record: AccountRecord, secrets: Partial<Record<string, string>>): Promise<void> {
    for (const [field, value] of Object.entries(secrets)) {
      if (value !== undefined) await this.deps.slots.set('account', record.id, field, value);
    }
  }

  private async present(record: AccountRecord): Promise<Account> {
    const secrets = await this.deps.slots.status('account', record.id, ACCOUNT_SECRET_FIELDS[record.vendor]);
    return { ...toDraft(record), id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt, secrets } as Account;
  }
}

/** The exported / validated shape of a stored account. */
export function toDraft(record: AccountRecord): AccountDraft {
  return {
    vendor: record.vendor,
    name: record.name,
    environment: record.environment,
    endpoint: record.endpoint,
    fields: record.fields,
  } as AccountDraft;
}

function toRecordFields(draft: AccountDraft): Omit<AccountRecord, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    vendor: draft.vendor,
    name: draft.name,
    environment: draft.environment,
    endpoint: draft.endpoint,
    fields: draft.fields as Record<string, unknown>,
  };
}

function secretValuesSchema(vendor: VendorId) {
  return z.partialRecord(z.enum(ACCOUNT_SECRET_FIELDS[vendor]), z.string().trim().min(1).max(4096));
}
