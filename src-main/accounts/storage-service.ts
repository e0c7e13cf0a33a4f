import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import {
  msg,
  STORAGE_PROVIDER_INFO,
  STORAGE_SECRET_FIELDS,
  StorageTargetCreateInputSchema,
  StorageTargetDeleteInputSchema,
  StorageTargetDraftSchema,
  StorageTargetUpdateInputSchema,
  type FieldErrors,
  type StorageProvider,
  type StorageSecretField,
  type StorageTarget,
  type StorageTargetDraft,
} from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { StorageForSend } from '../vendors/credentials';
import { transaction } from '../store/db';
import { StorageRepo, type StorageTargetRecord } from '../store/storage-repo';
import { parseOrFail, validationFailure } from '../errors/validation';
import { duplicateName, notFound } from './errors';
import type { SecretSlots } from './secret-slots';

export interface StorageServiceDeps {
  db: DatabaseSync;
  slots: SecretSlots;
  log: Logger;
  now?: () => number;
  newId?: () => string;
  /** Presets and open tasks that name a target; the tasks tables are the ledger's, so this is injected. */
  references?: (storageTargetId: string) => { presets: number; openTasks: number };
}

const GLOBAL_SCOPE = msg('storageTarget.scope');

/** Secret fields of a provider. */
export function storageSecretFields(provider: StorageProvider): readonly StorageSecretField[] {
  return STORAGE_PROVIDER_INFO[provider].secrets;
}

/** Storage-target CRUD with per-provider rules; keys go through {@link SecretSlots}. */
export class StorageService {
  private readonly repo: StorageRepo;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: StorageServiceDeps) {
    this.repo = new StorageRepo(deps.db);
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
  }

  /** Every target, sorted by name, with key status. */
  async list(): Promise<StorageTarget[]> {
    return Promise.all(this.repo.list().map((r) => this.present(r)));
  }

  /** One target; `NOT_FOUND` when absent. */
  async get(id: string): Promise<StorageTarget> {
    return this.present(this.require(id));
  }

  /** Stored records without key status (for export). */
  records(): StorageTargetRecord[] {
    return this.repo.list();
  }

  /** Creates a target; keys in the input are stored in the vault. */
  async create(input: unknown): Promise<StorageTarget> {
    const { secrets, ...draft } = parseOrFail(StorageTargetCreateInputSchema, input);
    assertSecretsFit(draft.provider, secrets ?? {});
    this.assertNameFree(draft.name, null);
    const at = this.now();
    const record: StorageTargetRecord = { ...draft, id: this.newId(), createdAt: at, updatedAt: at };
    this.repo.insert(record);
    try {
      await this.storeSecrets(record.id, secrets ?? {});
    } catch (e) {
      await this.deps.slots.clearAll('storage', record.id, STORAGE_SECRET_FIELDS).catch(() => undefined);
      this.repo.delete(record.id);
      throw e;
    }
    this.deps.log.info('storage.created', { id: record.id, provider: record.provider });
    return this.present(record);
  }

  /**
   * Applies a patch, validated as a whole after merging. When the provider changes, keys the new
   * provider does not use are removed from the vault.
   */
  async update(input: unknown): Promise<StorageTarget> {
    const { id, patch, secrets } = parseOrFail(StorageTargetUpdateInputSchema, input);
    const existing = this.require(id);
    const { id: _id, createdAt: _c, updatedAt: _u, ...current } = existing;
    const draft = parseOrFail(StorageTargetDraftSchema, { ...current, ...patch });
    assertSecretsFit(draft.provider, secrets ?? {});
    this.assertNameFree(draft.name, id);
    const record: StorageTargetRecord = { ...draft, id, createdAt: existing.createdAt, updatedAt: this.now() };
    const unused = storageSecretFields(existing.provider).filter((f) => !storageSecretFields(draft.provider).includes(f));
    for (const field of unused) await this.deps.slots.clear('storage', id, field);
    this.repo.update(record);
    await this.storeSecrets(id, secrets ?? {});
    this.deps.log.info('storage.updated', { id });
    return this.present(record);
  }

  /** Deletes a target and its keys. */
  /**
   * Deletes a target and its keys. When presets or open tasks name it, `confirm: true` is required
   * (else `CONFLICT` with `details.presets` / `details.openTasks`): those presets would fail to start.
   */
  async delete(input: unknown): Promise<{ deleted: true }> {
    const { id, confirm } = parseOrFail(StorageTargetDeleteInputSchema, input);
    this.require(id);
    const refs = this.deps.references?.(id) ?? { presets: 0, openTasks: 0 };
    if ((refs.presets > 0 || refs.openTasks > 0) && !confirm) {
      throw new AppFailure('CONFLICT', msg('storageTarget.inUse', { presets: refs.presets, tasks: refs.openTasks }), {
        details: refs,
      });
    }
    await this.deps.slots.clearAll('storage', id, STORAGE_SECRET_FIELDS);
    this.repo.delete(id);
    this.deps.log.info('storage.deleted', { id });
    return { deleted: true };
  }

  /** Inserts validated drafts in one transaction (used by import). */
  insertMany(drafts: readonly StorageTargetDraft[]): StorageTargetRecord[] {
    return transaction(this.deps.db, () =>
      drafts.map((draft) => {
        const at = this.now();
        const record: StorageTargetRecord = { ...draft, id: this.newId(), createdAt: at, updatedAt: at };
        this.repo.insert(record);
        return record;
      }),
    );
  }

  /**
   * The target and its keys for a request about to be sent. Every key the provider needs must be
   * set, else `SECRET_MISSING` naming the fields.
   */
  async getStorageForSend(id: string): Promise<StorageForSend> {
    const record = this.require(id);
    const fields = storageSecretFields(record.provider);
    const values = await this.deps.slots.read('storage', id, fields);
    const missing = fields.filter((f) => !values.has(f));
    if (missing.length > 0) {
      throw new AppFailure('SECRET_MISSING', msg('storageTarget.secretMissing', { name: record.name, fields: missing.join(', ') }), {
        details: { storageTargetId: id, fields: missing },
      });
    }
    const { createdAt: _c, updatedAt: _u, ...target } = record;
    return { target, keys: Object.fromEntries(values) as Partial<Record<StorageSecretField, string>> };
  }

  /** The record, or `NOT_FOUND`. */
  require(id: string): StorageTargetRecord {
    const record = this.repo.get(id);
    if (!record) throw notFound('storage', id);
    return record;
  }

  private assertNameFree(name: string, selfId: string | null): void {
    const clash = this.repo.findByName(name);
    if (clash && clash.id !== selfId) throw validationFailure({ name: duplicateName(GLOBAL_SCOPE) });
  }

  private async storeSecrets(id: string, secrets: Partial<Record<string, string>>): Promise<void> {
    for (const [field, value] of Object.entries(secrets)) {
      if (value !== undefined) await this.deps.slots.set('storage', id, field, value);
    }
  }

  private async present(record: StorageTargetRecord): Promise<StorageTarget> {
    const secrets = await this.deps.slots.status('storage', record.id, storageSecretFields(record.provider));
    return { ...record, secrets };
  }
}

/** The non-secret fields of a stored target, as exported. */
export function toStorageDraft(record: StorageTargetRecord): StorageTargetDraft {
  const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = record;
  return draft;
}

function assertSecretsFit(provider: StorageProvider, secrets: Partial<Record<string, string>>): void {
  const allowed = storageSecretFields(provider) as readonly string[];
  const errors: FieldErrors = {};
  for (const field of Object.keys(secrets)) {
    if (!allowed.includes(field)) {
      errors[`secrets.${field}`] = msg('storageTarget.unusedSecret');
    }
  }
  if (Object.keys(errors).length > 0) throw validationFailure(errors);
}
