import { localeFor, type Locale } from '@contract/messages';
import { dateEnUS, dateZhCN, enUS, zhCN, type NDateLocale, type NLocale } from 'naive-ui';

export { LOCALES, type Locale } from '@contract/messages';

/** The browser's languages mapped onto ours. */
export function systemLocale(languages: readonly string[] = navigator.languages): Locale {
  return localeFor(languages);
}

/** Each language by its own name, as the language picker shows it whatever the current language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Naive UI's own words (pickers, empty tables, pagination) in each of our languages. */
export const NAIVE_LOCALES: Record<Locale, { locale: NLocale; date: NDateLocale }> = {
  en: { locale: enUS, date: dateEnUS },
  'zh-CN': { locale: zhCN, date: dateZhCN },
};
