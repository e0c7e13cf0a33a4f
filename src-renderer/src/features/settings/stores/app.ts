import type { AppError, AppInfo } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, on } from '../../../bridge';

/** Facts about the running core (`app:info`), kept current when the keychain comes or goes mid-session. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null);
  const error = ref<AppError | null>(null);
  const loading = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    const result = await call('app:info', {});
    loading.value = false;
    if (result.ok) {
      info.value = result.value;
      error.value = null;
    } else {
      error.value = result.error;
    }
  }

  on('app:keychainChanged', (keychain) => {
    if (info.value) info.value = { ...info.value, keychain };
  });

  return { info, error, loading, refresh };
});
