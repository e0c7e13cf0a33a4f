import { createI18n } from 'vue-i18n';
import en from './en';
import monitorEn from './monitor.en';
import monitorZh from './monitor.zh-CN';
import recordingEn from './recording.en';
import recordingZh from './recording.zh-CN';
import zhCN from './zh-CN';

/** The languages RecDeck speaks. */
export const LOCALES = ['en', 'zh-CN'] as const;
/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** The OS / browser language mapped onto ours: any Chinese → zh-CN, else English. */
export function systemLocale(languages: readonly string[] = navigator.languages): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** The app's i18n instance; the settings store sets its locale. */
export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: {
    en: { ...en, recording: recordingEn, monitor: monitorEn },
    'zh-CN': { ...zhCN, recording: recordingZh, monitor: monitorZh },
  },
  datetimeFormats: {
    en: { short: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
    'zh-CN': { short: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
  },
});
