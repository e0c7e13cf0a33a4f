import type { AppError, AppInfo, Message } from '@contract';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call, on } from '../../../bridge';

/** The keychain banner: secrets kept in memory this session, or a keychain lost mid-session. */
export interface KeychainBanner {
  kind: 'session' | 'lost';
  /** Why, with what to do about it (it already says where secrets go); null when the core gave none. */
  reason: Message | null;
}

/** Which banner the operator closed in this tab (a reload keeps it closed; a new status brings it back). */
const DISMISSED_KEY = 'recdeck.keychainBannerDismissed';

function storedDismissal(): string | null {
  try {
    return sessionStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

/** Facts about the running core (`app:info`), kept current when the keychain comes or goes mid-session. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null);
  const error = ref<AppError | null>(null);
  const loading = ref(false);
  const dismissed = ref<string | null>(storedDismissal());

  const keychainBanner = computed<KeychainBanner | null>(() => {
    const k = info.value?.keychain;
    if (!k) return null;
    if (k.backend === 'session') return { kind: 'session', reason: k.reason ?? null };
    // The keychain answered at start and stopped since: its reason says what fails and what to do.
    return !k.available && k.reason ? { kind: 'lost', reason: k.reason } : null;
  });
  const bannerKey = computed(() => JSON.stringify(keychainBanner.value));
  /** The keychain banner unless the operator closed this very one. */
  const banner = computed(() => (keychainBanner.value && bannerKey.value !== dismissed.value ? keychainBanner.value : null));

  function dismissBanner(): void {
    if (!keychainBanner.value) return;
    dismissed.value = bannerKey.value;
    try {
      sessionStorage.setItem(DISMISSED_KEY, bannerKey.value);
    } catch {
      // Storage refused: the banner stays closed until a reload.
    }
  }

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

  return { info, error, loading, banner, refresh, dismissBanner };
});
