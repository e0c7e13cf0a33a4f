import { z } from 'zod';

/**
 * Shapes several domains share: bilingual text, data-driven form fields, the per-secret status the
 * renderer may see, and the id, name and endpoint rules of stored records.
 */

/** Text in both UI languages. */
export const LocalizedTextSchema = z.object({ en: z.string(), 'zh-CN': z.string() });
/** See {@link LocalizedTextSchema}. */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Widget a form field is drawn with. `secret` fields are write-only: the renderer never sees a value. */
export const FORM_FIELD_KINDS = ['text', 'number', 'select', 'secret', 'url', 'boolean'] as const;
/** See {@link FORM_FIELD_KINDS}. */
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number];

/** One option of a `select` field. */
export interface FormOption {
  value: string;
  label: LocalizedText;
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
  label: LocalizedText;
  help: LocalizedText;
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

/** Bilingual text for a custom zod issue: `message` is English, `params.zh` Chinese. */
export function customIssue(en: string, zh: string): { code: 'custom'; message: string; params: { zh: string } } {
  return { code: 'custom', message: en, params: { zh } };
}

/**
 * Validates a custom endpoint / base URL: http(s) only, no user:password, no query or fragment.
 * Returns null when fine, else the bilingual reason. Pure, so the renderer can check as you type.
 */
export function checkEndpointUrl(value: string): LocalizedText | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { en: 'Not a valid URL (e.g. https://host.example.com)', 'zh-CN': '不是有效的 URL（例如 https://host.example.com）' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { en: 'The URL must start with http:// or https://', 'zh-CN': 'URL 必须以 http:// 或 https:// 开头' };
  }
  if (url.username !== '' || url.password !== '') {
    return { en: 'Do not put credentials in the URL', 'zh-CN': '请勿在 URL 中包含用户名或密码' };
  }
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) {
    return { en: 'The URL must not have a query (?) or fragment (#)', 'zh-CN': 'URL 不能包含查询参数（?）或片段（#）' };
  }
  if (url.hostname === '') {
    return { en: 'The URL has no host', 'zh-CN': 'URL 缺少主机名' };
  }
  return null;
}

/** An optional endpoint URL: blank becomes null; anything else must pass {@link checkEndpointUrl}. */
export const EndpointUrlSchema = z
  .union([z.string(), z.null()])
  .transform((v) => (v === null || v.trim() === '' ? null : v.trim()))
  .superRefine((v, ctx) => {
    if (v === null) return;
    if (v.length > 2048) {
      ctx.addIssue(customIssue('At most 2048 characters', '最多 2048 个字符'));
      return;
    }
    const problem = checkEndpointUrl(v);
    if (problem) ctx.addIssue(customIssue(problem.en, problem['zh-CN']));
  });

/** Display name: trimmed, 1–64 characters. */
export const NameSchema = z.string().trim().min(1).max(64);

/** An empty input: channels that take nothing still take exactly one object. */
export const EmptyInputSchema = z.strictObject({});

/**
 * Input of the create channels: any object. The service validates it field by field and answers
 * `VALIDATION` with bilingual messages per field, which a strict schema here would pre-empt.
 */
export const FormInputSchema = z.record(z.string(), z.unknown());
