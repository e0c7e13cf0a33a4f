import type { EN } from './en';

/**
 * Operator-facing text as data: a catalogue key and its parameters. The core and the contract say
 * what happened with a {@link Message}; each process formats it in the operator's language from the
 * catalogues (`formatMessage`, or vue-i18n in the renderer, which reads the same `{name}` placeholders).
 */

/** A parameter: plain text, a number, or another message formatted in the same language (an action's name). */
export type MessageParam = string | number | Message;
/** Parameters by placeholder name. */
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A catalogue key and its parameters. */
export interface Message {
  readonly key: string;
  readonly params?: MessageParams;
}

/** A catalogue: flat dotted keys grouped by domain → text with `{name}` placeholders. */
export type Catalogue = Readonly<Record<string, string>>;

/** A message builder for the keys of catalogue `C`: a key it lacks is a type error. */
export function messageBuilder<C extends Catalogue>(): (key: keyof C & string, params?: MessageParams) => Message {
  return (key, params) => (params === undefined ? { key } : { key, params });
}

/** A message of the core catalogue (`messages/en.ts`). */
export const msg = messageBuilder<typeof EN>();

/** True for a value shaped like a {@link Message} (a parameter that must be formatted first). */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/**
 * The message under `prefix` in `catalogue` whose text is `text`: how a value stored as English (a
 * finish reason) is read back as a message, so it shows in the operator's language.
 */
export function messageWithText(catalogue: Catalogue, prefix: string, text: string): Message | null {
  const key = Object.keys(catalogue).find((k) => k.startsWith(prefix) && catalogue[k] === text);
  return key === undefined ? null : { key };
}
