import type { Account, AccountTestResult, AppError, OutputOf, Result, SecretOwnerKind, SecretStatus, StorageTarget } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, on } from '../../../bridge';
import { downloadText } from '../../../ui/download';

/** What deleting an owner that is still in use answers: how much uses it, so the operator can confirm. */
export type DeleteOutcome = { deleted: true } | { inUse: Record<string, number> } | { error: AppError };

/** What `accounts:import` reports. */
export type ImportSummary = OutputOf<'accounts:import'>;

/** Which kind of entity an editor creates or edits. */
export type EntityKind = SecretOwnerKind;

/** Vendor accounts and storage targets as the core lists them (no secret values, only status), and every change to them. */
export const useAccountsStore = defineStore('accounts', () => {
  const accounts = ref<Account[]>([]);
  const storage = ref<StorageTarget[]>([]);
  const loaded = ref(false);
  const error = ref<AppError | null>(null);

  async function refresh(): Promise<void> {
    const [a, s] = await Promise.all([call('accounts:list', {}), call('storage:list', {})]);
    if (a.ok) accounts.value = a.value;
    if (s.ok) storage.value = s.value;
    error.value = !a.ok ? a.error : !s.ok ? s.error : null;
    loaded.value = true;
  }

  let first: Promise<void> | null = null;
  /**
   * The lists, loaded once however many views and components ask at the same time (the Live view's
   * first paint asks three times); `accounts:changed` keeps them current after that.
   */
  function ensure(): Promise<void> {
    first ??= refresh();
    return first;
  }

  on('accounts:changed', () => void refresh());

  async function setSecret(owner: SecretOwnerKind, id: string, field: string, value: string): Promise<AppError | null> {
    const r = await call('secrets:set', { owner, id, field, value });
    return r.ok ? null : r.error;
  }

  async function clearSecret(owner: SecretOwnerKind, id: string, field: string): Promise<AppError | null> {
    const r = await call('secrets:clear', { owner, id, field });
    return r.ok ? null : r.error;
  }

  function secretsOf(owner: SecretOwnerKind, id: string): SecretStatus[] {
    const list = owner === 'account' ? accounts.value : storage.value;
    return list.find((x) => x.id === id)?.secrets ?? [];
  }

  /** Creates (no `id`) or updates an account or a storage target from an editor's input. */
  function save(kind: 'account', id: string | null, input: Record<string, unknown>): Promise<Result<Account>>;
  function save(kind: 'storage', id: string | null, input: Record<string, unknown>): Promise<Result<StorageTarget>>;
  function save(kind: EntityKind, id: string | null, input: Record<string, unknown>): Promise<Result<Account | StorageTarget>> {
    if (kind === 'account') {
      if (id === null) return call('accounts:create', input);
      // The vendor of an account never changes; the update's patch does not carry it.
      const { vendor: _vendor, ...patch } = input;
      return call('accounts:update', { id, patch });
    }
    return id === null ? call('storage:create', input) : call('storage:update', { id, patch: input });
  }

  /**
   * Deletes an account or a storage target. Without `confirm` the core refuses one that is still in
   * use and says how much uses it; the caller asks the operator and calls again with `confirm`.
   */
  async function remove(kind: EntityKind, id: string, confirm: boolean): Promise<DeleteOutcome> {
    const r = kind === 'account' ? await call('accounts:delete', { id, confirm }) : await call('storage:delete', { id, confirm });
    if (r.ok) return { deleted: true };
    if (r.error.code !== 'CONFLICT' || confirm) return { error: r.error };
    const details = r.error.details ?? {};
    return kind === 'account'
      ? { inUse: { tasks: Number(details.taskCount ?? 0) } }
      : { inUse: { presets: Number(details.presets ?? 0), tasks: Number(details.openTasks ?? 0) } };
  }

  /** Connection tests running, and the last result of each account: kept here so they outlive the Accounts view. */
  const testing = ref<Record<string, boolean>>({});
  const tested = ref<Record<string, AccountTestResult>>({});

  async function testConnection(id: string): Promise<Result<AccountTestResult>> {
    testing.value = { ...testing.value, [id]: true };
    const r = await call('accounts:test', { id });
    testing.value = { ...testing.value, [id]: false };
    if (r.ok) tested.value = { ...tested.value, [id]: r.value };
    return r;
  }

  /** Downloads every account and storage target without any secret, as a JSON file. */
  async function exportAll(): Promise<AppError | null> {
    const r = await call('accounts:export', {});
    if (!r.ok) return r.error;
    downloadText(`recdeck-accounts-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(r.value, null, 2), 'application/json');
    return null;
  }

  async function importData(data: unknown): Promise<Result<ImportSummary>> {
    return call('accounts:import', { data });
  }

  return { accounts, storage, loaded, error, testing, tested, refresh, ensure, setSecret, clearSecret, secretsOf, save, remove, testConnection, exportAll, importData };
});
