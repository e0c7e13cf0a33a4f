import { VENDOR_IDS } from '@contract';
import { createI18n } from 'vue-i18n';
import { vendorUi } from '../vendors/registry';
import en from './en';
import { type Locale } from './locales';
import monitorEn from './monitor.en';
import monitorZh from './monitor.zh-CN';
import recordingEn from './recording.en';
import recordingZh from './recording.zh-CN';
import zhCN from './zh-CN';

export { LOCALES, systemLocale, type Locale } from './locales';

/** Each vendor's own text under `vendors.<vendor id>` (its name, room label, form parts). */
function vendorMessages(locale: Locale): Record<string, unknown> {
  return Object.fromEntries(VENDOR_IDS.map((id) => [id, vendorUi(id).messages[locale]]));
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
