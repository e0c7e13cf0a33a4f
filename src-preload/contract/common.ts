import { z } from 'zod';
import { msg, type Message } from './messages/message';
import { STORAGE_PROVIDERS } from './storage-providers';
import { TASK_STATES } from './task-states';

/**
 * Shapes several domains share: data-driven form fields, the per-secret status the renderer may see,
 * the id, name and endpoint rules of stored records, and the schemas of the vocabularies that are
 * plain data (messages, task states, storage providers) so those modules stay free of zod: the
 * renderer's first paint reads them without loading a validator.
 */

/** A {@link Message} on the wire. */
export const MessageSchema: z.ZodType<Message> = z.object({
  key: z.string().min(1).max(200),
  get params() {
    return z.record(z.string(), z.union([z.string(), z.number(), MessageSchema])).optional();
  },
});

/** One of {@link TASK_STATES}. */
export const TaskStateSchema = z.enum(TASK_STATES);

/** One of {@link STORAGE_PROVIDERS}. */
export const StorageProviderSchema = z.enum(STORAGE_PROVIDERS);

/** Widget a form field is drawn with. `secret` fields are write-only: the renderer never sees a value. */
export const FORM_FIELD_KINDS = ['text', 'number', 'select', 'secret', 'url', 'boolean'] as const;
/** See {@link FORM_FIELD_KINDS}. */
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number];

/** One option of a `select` field. */
export interface FormOption {
  value: string;
  label: Message;
}

/**
 * One field of a form the renderer builds from data. `key` is the path the value is written to in
 * the create/update input (`fields.appId`, `bucket`); for `secret` fields it is the secret field name
 * passed to `secrets:set`.
 */
export interface FormField {
  key: string;
  kind: FormFieldKind;
  required: boolean;
  label: Message;
  help: Message;
  /** Choices for `select`. */
  options?: readonly FormOption[];
  /** Example value shown greyed out. */
  placeholder?: string;
  /** Value a new record starts with (the schema's own default, so the form shows what will be stored). */
  defaultValue?: string | number | boolean;
}

/** Whether one secret field holds a value; the value itself never leaves the main side. */
export const SecretStatusSchema = z.object({
  field: z.string(),
  configured: z.boolean(),
  /** When it was last set, epoch ms; null when not configured. */
  updatedAt: z.number().nullable(),
});
/** See {@link SecretStatusSchema}. */
export type SecretStatus = z.infer<typeof SecretStatusSchema>;

/** Secret values keyed by field, set together with a create/update. Blank values are rejected. */
export function secretValues<const F extends readonly [string, ...string[]]>(fields: F) {
  return z.partialRecord(z.enum(fields), z.string().trim().min(1).max(4096));
}

/** Id of a stored record (account, storage target, task, preset) in an input: 1–64 characters. */
export const RecordIdSchema = z.string().min(1).max(64);

/**
 * A custom zod issue carrying its message: `describeIssue` reads `params.message`; zod's own `message`
 * holds the key, so even a raw zod error never shows English to a Chinese reader.
 */
export function customIssue(message: Message): { code: 'custom'; message: string; params: { message: Message } } {
  return { code: 'custom', message: message.key, params: { message } };
}

/**
 * Validates a custom endpoint / base URL: http(s) only, no user:password, no query or fragment.
 * Returns null when fine, else the reason. Pure, so the renderer can check as you type.
 */
export function checkEndpointUrl(value: string): Message | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return msg('url.invalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return msg('url.scheme');
  if (url.username !== '' || url.password !== '') return msg('url.credentials');
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) return msg('url.query');
  if (url.hostname === '') return msg('url.noHost');
  return null;
}

/** An optional endpoint URL: blank becomes null; anything else must pass {@link checkEndpointUrl}. */
export const EndpointUrlSchema = z
  .union([z.string(), z.null()])
  .transform((v) => (v === null || v.trim() === '' ? null : v.trim()))
  .superRefine((v, ctx) => {
    if (v === null) return;
    if (v.length > 2048) {
      ctx.addIssue(customIssue(msg('field.maxChars', { max: 2048 })));
      return;
    }
    const problem = checkEndpointUrl(v);
    if (problem) ctx.addIssue(customIssue(problem));
  });

/** Display name: trimmed, 1–64 characters. */
export const NameSchema = z.string().trim().min(1).max(64);

/** An empty input: channels that take nothing still take exactly one object. */
export const EmptyInputSchema = z.strictObject({});

/**
 * Input of the create channels: any object. The service validates it field by field and answers
 * `VALIDATION` with a message per field, which a strict schema here would pre-empt.
 */
export const FormInputSchema = z.record(z.string(), z.unknown());
