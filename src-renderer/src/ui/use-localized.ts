import type { AppError, FieldErrors, Message, TaskSummary, TimelineEvent } from '@contract';
import { finishReasonText, isMessage } from '@contract/messages';
import { useI18n } from 'vue-i18n';
import { i18n } from '../i18n';

type Translate = (key: string, params: Record<string, string | number>) => string;

/** A message in the language of `t`: its parameters that are messages themselves are formatted first. */
function format(t: Translate, message: Message): string {
  const params = Object.fromEntries(Object.entries(message.params ?? {}).map(([k, v]) => [k, isMessage(v) ? format(t, v) : v]));
  return t(message.key, params);
}

/** What the core says, in the current language: its messages, errors, timeline events and finish reasons. */
export interface Localized {
  lt(message: Message): string;
  /**
   * The error's message; for an error stored before messages existed, its text in this language;
   * else its English text.
   */
  errorText(error: AppError): string;
  /** A timeline row; rows written before messages were kept show their English summary. */
  eventText(event: TimelineEvent): string;
  /** Why a task ended, or '' when it has not. */
  finishReason(task: Pick<TaskSummary, 'vendor' | 'finishReason'>): string;
}

/** Formats the core's messages (catalogue key and parameters) in the current language. */
export function useLocalized(): Localized {
  const { t, locale } = useI18n();
  const lt = (message: Message): string => format(t, message);
  const stored = (error: AppError): string | undefined => (error.details?.['messages'] as Partial<Record<string, string>> | undefined)?.[locale.value];
  return {
    lt,
    errorText: (error) => (error.text ? lt(error.text) : (stored(error) ?? error.message)),
    eventText: (event) => {
      const text = event.message ? lt(event.message) : event.summary;
      return event.deskName ? t('timeline.byDesk', { text, desk: event.deskName }) : text;
    },
    finishReason: (task) => (task.finishReason ? lt(finishReasonText(task.vendor, task.finishReason)) : ''),
  };
}

/** {@link useLocalized}'s `lt` outside a component (stores, toasts). */
export function localize(message: Message): string {
  return format(i18n.global.t, message);
}

/** `details.fields` of a VALIDATION error, when there is one. */
export function fieldErrorsOf(error: AppError): FieldErrors | null {
  return error.code === 'VALIDATION' && error.details?.fields ? (error.details.fields as FieldErrors) : null;
}
