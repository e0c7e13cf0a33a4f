import { formatMessage, isMessage } from '@contract';

/**
 * `value` with every catalogue message in it replaced by its text in both languages, so a test can
 * state what an operator reads in English and in 简体中文.
 */
export function inBothLanguages(value: unknown): unknown {
  if (isMessage(value)) return { en: formatMessage('en', value), 'zh-CN': formatMessage('zh-CN', value) };
  if (Array.isArray(value)) return value.map(inBothLanguages);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inBothLanguages(v)]));
  return value;
}
