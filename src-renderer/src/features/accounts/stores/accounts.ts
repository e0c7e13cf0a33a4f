import type { Account, AppError, SecretOwnerKind, SecretStatus, StorageTarget } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, on } from '../../../bridge';

/** Vendor accounts and storage targets as the core lists them (no secret values, only status). */
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

  return { accounts, storage, loaded, error, refresh, setSecret, clearSecret, secretsOf };
});
