import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logging/logger';
import type { SecretVault } from '../secrets/secret-vault';
import { SecretMetaRepo } from '../store/secret-meta-repo';
import { AccountsService } from './accounts-service';
import { SecretSlots } from './secret-slots';
import { SecretsService } from './secrets-service';
import { StorageService } from './storage-service';
import { AccountsTransfer } from './transfer';

export { AccountsService } from './accounts-service';
export { StorageService } from './storage-service';
export { SecretsService } from './secrets-service';
export { AccountsTransfer, EXPORT_NOTE } from './transfer';

export interface AccountServicesDeps {
  db: DatabaseSync;
  vault: SecretVault;
  log: Logger;
  now?: () => number;
  newId?: () => string;
  countTasksForAccount?: (accountId: string) => number;
  storageReferences?: (storageTargetId: string) => { presets: number; openTasks: number };
  /** An account's secrets or connection fields changed, or it was deleted: a connection built from it is stale. */
  onAccountChanged?: (accountId: string) => void;
}

/** The accounts domain, wired: one object per group of channels. */
export interface AccountServices {
  accounts: AccountsService;
  storage: StorageService;
  secrets: SecretsService;
  transfer: AccountsTransfer;
}

/** Builds the accounts, storage, secrets and import/export services over one database and vault. */
export function createAccountServices(deps: AccountServicesDeps): AccountServices {
  const now = deps.now ?? Date.now;
  const slots = new SecretSlots(deps.vault, new SecretMetaRepo(deps.db), now);
  const common = { db: deps.db, slots, log: deps.log, now, ...(deps.newId ? { newId: deps.newId } : {}) };
  const changed = deps.onAccountChanged ?? (() => undefined);
  const accounts = new AccountsService({
    ...common,
    onChanged: changed,
    ...(deps.countTasksForAccount ? { countTasksForAccount: deps.countTasksForAccount } : {}),
  });
  const storage = new StorageService({ ...common, ...(deps.storageReferences ? { references: deps.storageReferences } : {}) });
  return {
    accounts,
    storage,
    secrets: new SecretsService(accounts, storage, slots, changed),
    transfer: new AccountsTransfer(deps.db, accounts, storage, deps.log, now),
  };
}
