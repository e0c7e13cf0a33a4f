import { EN } from './en';
import type { Catalogue } from './message';
import { ZH_CN } from './zh-CN';

/**
 * The languages RecDeck speaks. A new language is its core catalogue beside `en.ts`, one line in
 * {@link CORE_CATALOGUES}, one block in each vendor module's `messages.ts` and the renderer's UI
 * catalogues (README, "Adding a language").
 */
export const LOCALES = ['en', 'zh-CN'] as const;
/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** The core catalogue of each language; vendor blocks are merged in by `messages/index.ts`. */
export const CORE_CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en: EN, 'zh-CN': ZH_CN };

/** The OS or browser languages (most preferred first) mapped onto ours: any Chinese → zh-CN, else English. */
export function localeFor(languages: readonly string[]): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
