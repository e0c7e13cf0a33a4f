import { CATALOGUES } from '@contract/messages';
import { createI18n } from 'vue-i18n';
import type { VendorText } from '../vendors/types';
import en from './en';
import { LOCALES, type Locale } from './locales';
import monitorEn from './monitor.en';
import monitorZh from './monitor.zh-CN';
import recordingEn from './recording.en';
import recordingZh from './recording.zh-CN';
import sandboxEn from './sandbox.en';
import sandboxZh from './sandbox.zh-CN';
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

/**
 * The one way RecDeck writes a moment, in every view and language: a date and time to the second, a
 * time of day, or a time of day to the minute, each in the current language's own order and separators.
 */
export const DATETIME_FORMATS = {
  dateTime: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  minute: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const;

/** The renderer's own UI text in each language; a new language adds its files here. */
const UI: Record<Locale, Record<string, unknown>> = {
  en: { ...en, recording: recordingEn, monitor: monitorEn, sandbox: sandboxEn },
  'zh-CN': { ...zhCN, recording: recordingZh, monitor: monitorZh, sandbox: sandboxZh },
};

/**
 * The app's i18n instance; the settings store sets its locale. Each language is the contract's
 * catalogue (what the core says: flat keys such as `timeline.started`) beside the renderer's own UI text.
 */
export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: Object.fromEntries(LOCALES.map((l) => [l, { ...CATALOGUES[l], ...UI[l], vendors: vendorMessages(l) }])),
  datetimeFormats: Object.fromEntries(LOCALES.map((l) => [l, DATETIME_FORMATS])),
});
