import type { AppError, FieldErrors, LocalizedText } from '@contract';
import { useI18n } from 'vue-i18n';

/** Picks the current language's half of a bilingual text from the contract. */
export function useLocalized(): { lt: (text: LocalizedText) => string; errorText: (error: AppError) => string } {
  const { locale } = useI18n();
  const lt = (text: LocalizedText): string => (locale.value === 'zh-CN' ? text['zh-CN'] : text.en);
  const errorText = (error: AppError): string => {
    const messages = error.details?.messages as LocalizedText | undefined;
    return messages ? lt(messages) : error.message;
  };
  return { lt, errorText };
}

/** `details.fields` of a VALIDATION error, when there is one. */
export function fieldErrorsOf(error: AppError): FieldErrors | null {
  return error.code === 'VALIDATION' && error.details?.fields ? (error.details.fields as FieldErrors) : null;
}
