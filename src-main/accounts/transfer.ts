import type { DatabaseSync } from 'node:sqlite';
import {
  AccountDraftSchema,
  AccountsExportSchema,
  AccountsImportInputSchema,
  StorageTargetDraftSchema,
  type AccountDraft,
  type AccountsExport,
  type AccountsImportOutput,
  type FieldErrors,
  type StorageTargetDraft,
} from '@contract';
import { issuesToFieldErrors } from '@contract';
import type { Logger } from '../logging/logger';
import { transaction } from '../store/db';
import { toDraft, type AccountsService } from './accounts-service';
import { parseOrFail, validationFailure } from '../errors/validation';
import { toStorageDraft, type StorageService } from './storage-service';

/** Shown in every export file, so whoever opens it knows why keys are absent. */
export const EXPORT_NOTE =
  'Secrets (ServerSecret, SecretId/SecretKey, SDK secret keys, storage keys) are never exported. After importing, enter them again in Accounts and Storage.';

const MAX_NAME = 64;

/**
 * `accounts:export` / `accounts:import`: accounts and storage targets as JSON, without secrets.
 *
 * Import checks the whole file first and writes nothing unless every entry is valid; then all rows
 * go in one transaction. A name that clashes (with a stored entry or an earlier one in the file)
 * is not an error: the entry is renamed `<name> (imported)`, `<name> (imported 2)` … and listed in
 * `renamed`, because refusing would force the operator to edit JSON by hand.
 */
export class AccountsTransfer {
  constructor(
    private readonly db: DatabaseSync,
    private readonly accounts: AccountsService,
    private readonly storage: StorageService,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Everything non-secret, versioned; `exclude` drops entries by id (the Sandbox's own, which belong to this install). */
  export(exclude: ReadonlySet<string> = new Set()): AccountsExport {
    return {
      format: 'recdeck-accounts',
      version: 1,
      exportedAt: new Date(this.now()).toISOString(),
      secretsIncluded: false,
      note: EXPORT_NOTE,
      accounts: this.accounts.records().filter((r) => !exclude.has(r.id)).map(toDraft),
      storageTargets: this.storage.records().filter((r) => !exclude.has(r.id)).map(toStorageDraft),
    };
  }

  /** Validates all, renames clashes, then writes in one transaction. */
  import(input: unknown): AccountsImportOutput {
    const { data } = parseOrFail(AccountsImportInputSchema, input);
    const file = parseOrFail(AccountsExportSchema, data, 'data');
    const errors: FieldErrors = {};
    const accountDrafts: AccountDraft[] = [];
    file.accounts.forEach((entry, i) => {
      const parsed = AccountDraftSchema.safeParse(entry);
      if (parsed.success) accountDrafts.push(parsed.data);
      else Object.assign(errors, issuesToFieldErrors(parsed.error.issues, `data.accounts.${i}`));
    });
    const storageDrafts: StorageTargetDraft[] = [];
    file.storageTargets.forEach((entry, i) => {
      const parsed = StorageTargetDraftSchema.safeParse(entry);
      if (parsed.success) storageDrafts.push(parsed.data);
      else Object.assign(errors, issuesToFieldErrors(parsed.error.issues, `data.storageTargets.${i}`));
    });
    if (Object.keys(errors).length > 0) throw validationFailure(errors);

    const renamed: AccountsImportOutput['renamed'] = [];
    const takenAccounts = new Set(this.accounts.records().map((r) => `${r.vendor}\u0000${r.name.toLowerCase()}`));
    const accounts = accountDrafts.map((d) => {
      const name = freeName(d.name, (n) => takenAccounts.has(`${d.vendor}\u0000${n.toLowerCase()}`));
      takenAccounts.add(`${d.vendor}\u0000${name.toLowerCase()}`);
      if (name !== d.name) renamed.push({ kind: 'account', from: d.name, to: name });
      return { ...d, name };
    });
    const takenStorage = new Set(this.storage.records().map((r) => r.name.toLowerCase()));
    const targets = storageDrafts.map((d) => {
      const name = freeName(d.name, (n) => takenStorage.has(n.toLowerCase()));
      takenStorage.add(name.toLowerCase());
      if (name !== d.name) renamed.push({ kind: 'storage', from: d.name, to: name });
      return { ...d, name };
    });

    transaction(this.db, () => {
      this.accounts.insertMany(accounts);
      this.storage.insertMany(targets);
    });
    this.log.info('accounts.imported', { accounts: accounts.length, storageTargets: targets.length, renamed: renamed.length });
    return { accounts: accounts.length, storageTargets: targets.length, renamed };
  }
}

function freeName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (imported)' : ` (imported ${n})`;
    const candidate = `${name.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
