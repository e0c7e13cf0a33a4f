import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { i18n, LOCALES, systemLocale, type Locale } from '../../../i18n';

const KEY = 'recdeck.settings';

/** Theme choice; `system` follows the OS colour scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

interface Stored {
  locale?: Locale;
  theme?: ThemeChoice;
}

function load(): Stored {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Stored;
  } catch {
    return {};
  }
}

/** Renderer-only preferences (language, theme), remembered in this window's storage. */
export const useSettingsStore = defineStore('settings', () => {
  const stored = load();
  const locale = ref<Locale>(stored.locale && LOCALES.includes(stored.locale) ? stored.locale : systemLocale());
  const theme = ref<ThemeChoice>(stored.theme ?? 'system');
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const systemDark = ref(media.matches);
  media.addEventListener('change', (e) => (systemDark.value = e.matches));

  const dark = computed(() => (theme.value === 'system' ? systemDark.value : theme.value === 'dark'));

  watch(
    [locale, theme],
    () => {
      i18n.global.locale.value = locale.value;
      document.documentElement.lang = locale.value;
      localStorage.setItem(KEY, JSON.stringify({ locale: locale.value, theme: theme.value } satisfies Stored));
    },
    { immediate: true },
  );
  watch(dark, (d) => (document.documentElement.dataset.theme = d ? 'dark' : 'light'), { immediate: true });

  return { locale, theme, dark };
});
