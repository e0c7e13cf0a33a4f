import { localeFor, type Locale } from '@contract';
import { dateEnUS, dateZhCN, enUS, zhCN, type NDateLocale, type NLocale } from 'naive-ui';

export { LOCALES, type Locale } from '@contract';

/** The browser's languages mapped onto ours. */
export function systemLocale(languages: readonly string[] = navigator.languages): Locale {
  return localeFor(languages);
}

/** Naive UI's own words (pickers, empty tables, pagination) in each of our languages. */
export const NAIVE_LOCALES: Record<Locale, { locale: NLocale; date: NDateLocale }> = {
  en: { locale: enUS, date: dateEnUS },
  'zh-CN': { locale: zhCN, date: dateZhCN },
};
