import { createI18n } from 'vue-i18n';
import type { VendorText } from '../vendors/types';
import en from './en';
import { type Locale } from './locales';
import monitorEn from './monitor.en';
import monitorZh from './monitor.zh-CN';
import recordingEn from './recording.en';
import recordingZh from './recording.zh-CN';
import zhCN from './zh-CN';

export { LOCALES, systemLocale, type Locale } from './locales';

/**
 * Each vendor folder's `messages.ts`, keyed by the folder's name (the vendor id). Read as text only,
 * so the first paint does not wait for the vendors' validators and form parts.
 */
const VENDOR_TEXT = import.meta.glob<VendorText>('../vendors/*/messages.ts', { eager: true, import: 'default' });

/** Each vendor's own text under `vendors.<vendor id>` (its name, room label, form parts). */
function vendorMessages(locale: Locale): Record<string, unknown> {
  return Object.fromEntries(Object.entries(VENDOR_TEXT).map(([path, text]) => [path.split('/')[2], text[locale]]));
}

/** The app's i18n instance; the settings store sets its locale. */
export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: {
    en: { ...en, vendors: vendorMessages('en'), recording: recordingEn, monitor: monitorEn },
    'zh-CN': { ...zhCN, vendors: vendorMessages('zh-CN'), recording: recordingZh, monitor: monitorZh },
  },
  datetimeFormats: {
    en: { short: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
    'zh-CN': { short: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
  },
});
