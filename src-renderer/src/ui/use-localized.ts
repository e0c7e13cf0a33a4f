import { isMessage, type AppError, type FieldErrors, type Message } from '@contract';
import { useI18n } from 'vue-i18n';
import { i18n } from '../i18n';

type Translate = (key: string, params: Record<string, string | number>) => string;

/** A message in the language of `t`: its parameters that are messages themselves are formatted first. */
function format(t: Translate, message: Message): string {
  const params = Object.fromEntries(Object.entries(message.params ?? {}).map(([k, v]) => [k, isMessage(v) ? format(t, v) : v]));
  return t(message.key, params);
}

/** Formats the core's messages (catalogue key and parameters) in the current language. */
export function useLocalized(): { lt: (message: Message) => string; errorText: (error: AppError) => string } {
  const { t } = useI18n();
  const lt = (message: Message): string => format(t, message);
  return { lt, errorText: (error) => (error.text ? lt(error.text) : error.message) };
}

/** {@link useLocalized}'s `lt` outside a component (stores, toasts). */
export function localize(message: Message): string {
  return format(i18n.global.t, message);
}

/** `details.fields` of a VALIDATION error, when there is one. */
export function fieldErrorsOf(error: AppError): FieldErrors | null {
  return error.code === 'VALIDATION' && error.details?.fields ? (error.details.fields as FieldErrors) : null;
}
