/** The languages RecDeck speaks. */
export const LOCALES = ['en', 'zh-CN'] as const;
/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** The OS / browser language mapped onto ours: any Chinese → zh-CN, else English. */
export function systemLocale(languages: readonly string[] = navigator.languages): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
