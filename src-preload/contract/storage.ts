import { z } from 'zod';
import {
  customIssue,
  EndpointUrlSchema,
  NameSchema,
  RecordIdSchema,
  SecretStatusSchema,
  secretValues,
  StorageProviderSchema,
  type FormField,
  type FormFieldKind,
  type FormOption,
} from './common';
import { msg } from './messages/message';
import {
  STORAGE_PROVIDER_INFO,
  STORAGE_PROVIDERS,
  STORAGE_SECRET_FIELDS,
  type StorageDataField,
  type StorageProvider,
  type StorageProviderInfo,
  type StorageSecretField,
} from './storage-providers';
import type { VendorId } from './vendors';
import { VENDOR_CONTRACTS } from './vendors/contracts';

export * from './storage-providers';

/**
 * Storage targets: the buckets and VOD apps recordings upload to. Their keys are secrets: they live
 * in the vault and are injected into vendor request bodies only when a request is sent.
 */

/** Providers one recording vendor can upload to, in {@link STORAGE_PROVIDERS} order. */
export function storageProvidersFor(vendor: VendorId): StorageProvider[] {
  const accepted: readonly StorageProvider[] = VENDOR_CONTRACTS[vendor].descriptor.storageProviders;
  return STORAGE_PROVIDERS.filter((p) => accepted.includes(p));
}

const optionalText = (max: number) =>
  z
    .union([z.string(), z.null()])
    .transform((v) => (v === null || v.trim() === '' ? null : v.trim()))
    .refine((v) => v === null || v.length <= max, customIssue(msg('field.maxChars', { max })));

/**
 * Path prefix in the bucket: segments of `A-Z a-z 0-9 _ -` separated by `/`. That is TRRO's
 * FileNamePrefix alphabet, the strictest of the vendors, so a prefix fits every provider.
 */
export const PathPrefixSchema = optionalText(512).superRefine((v, ctx) => {
  if (v === null) return;
  const segments = v.split('/');
  if (segments.length > 16 || !segments.every((s) => /^[A-Za-z0-9_-]{1,128}$/.test(s))) {
    ctx.addIssue(
      customIssue(msg('storageForm.pathPrefix.segments')),
    );
  }
});

/** Non-secret fields of a storage target, as the operator fills them in. Unused fields stay null. */
export const StorageTargetFieldsSchema = z.strictObject({
  name: NameSchema,
  provider: StorageProviderSchema,
  /** Region; for the VOD providers the VOD region. */
  region: optionalText(64).default(null),
  bucket: optionalText(256).default(null),
  /** Folder inside the bucket (TRRO FileNamePrefix segments). */
  pathPrefix: PathPrefixSchema.default(null),
  /** Service endpoint, for `s3-compatible`. */
  endpoint: EndpointUrlSchema.default(null),
  /** Alibaba VOD: title of uploaded videos. */
  title: optionalText(128).default(null),
  /** Alibaba VOD: StorageLocation (the VOD storage address). */
  storageLocation: optionalText(256).default(null),
  /** Tencent VOD: optional SubAppId. */
  subAppId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
});

/** Adds an issue for every required field of the provider that is empty. */
function checkProviderRules(
  value: { provider: StorageProvider } & Partial<Record<StorageDataField, string | null>>,
  ctx: z.RefinementCtx,
): void {
  for (const field of STORAGE_PROVIDER_INFO[value.provider].required) {
    if (value[field] === null || value[field] === undefined) {
      ctx.addIssue({ ...customIssue(msg('storageForm.requiredByProvider')), path: [field] });
    }
  }
}

/** Input of `storage:create`. */
export const StorageTargetCreateInputSchema = StorageTargetFieldsSchema.extend({
  /** Optional keys to store in the vault right away. */
  secrets: secretValues(STORAGE_SECRET_FIELDS).optional(),
}).superRefine(checkProviderRules);
/** See {@link StorageTargetCreateInputSchema}. */
export type StorageTargetCreateInput = z.input<typeof StorageTargetCreateInputSchema>;

/** A complete, validated set of non-secret storage fields (what the service stores). */
export const StorageTargetDraftSchema = StorageTargetFieldsSchema.superRefine(checkProviderRules);
/** See {@link StorageTargetDraftSchema}. */
export type StorageTargetDraft = z.infer<typeof StorageTargetDraftSchema>;

/**
 * Input of `storage:update`: the fields to change. The service merges them over the stored target
 * and validates the result as a whole, so per-provider rules hold after every update.
 */
export const StorageTargetUpdateInputSchema = z.strictObject({
  id: RecordIdSchema,
  patch: z.record(z.string(), z.unknown()).default({}),
  secrets: secretValues(STORAGE_SECRET_FIELDS).optional(),
});
/** See {@link StorageTargetUpdateInputSchema}. */
export type StorageTargetUpdateInput = z.input<typeof StorageTargetUpdateInputSchema>;

/** A stored storage target as the renderer sees it: no secret values, only whether each is set. */
export const StorageTargetSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: StorageProviderSchema,
  region: z.string().nullable(),
  bucket: z.string().nullable(),
  pathPrefix: z.string().nullable(),
  endpoint: z.string().nullable(),
  title: z.string().nullable(),
  storageLocation: z.string().nullable(),
  subAppId: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  secrets: z.array(SecretStatusSchema),
});
/** See {@link StorageTargetSchema}. */
export type StorageTarget = z.infer<typeof StorageTargetSchema>;

/** A field of the storage-target form; its label and help are `storageForm.<field>.label` / `.help` in the catalogues. */
type StorageFormKey = StorageDataField | StorageSecretField | 'name' | 'provider' | 'pathPrefix' | 'subAppId';

const PROVIDER_OPTIONS: readonly FormOption[] = STORAGE_PROVIDERS.map((p) => ({
  value: p,
  label: STORAGE_PROVIDER_INFO[p].label,
}));

/** The storage-target form for one provider: common fields, then the provider's own, then its keys. */
export function storageFormFor(provider: StorageProvider): FormField[] {
  const info: StorageProviderInfo = STORAGE_PROVIDER_INFO[provider];
  const field = (key: StorageFormKey, kind: FormFieldKind, required: boolean, extra: Partial<FormField> = {}): FormField => ({
    key,
    kind,
    required,
    label: msg(`storageForm.${key}.label`),
    help: msg(`storageForm.${key}.help`),
    ...extra,
  });
  const isRequired = (key: StorageDataField) => info.required.includes(key);
  const fields: FormField[] = [
    field('name', 'text', true),
    field('provider', 'select', true, { options: PROVIDER_OPTIONS }),
    field('region', 'text', isRequired('region'), info.regionExample ? { placeholder: info.regionExample } : {}),
  ];
  if (provider === 'aliyun-vod') {
    fields.push(field('title', 'text', true), field('storageLocation', 'text', true));
  } else if (provider === 'tencent-vod') {
    fields.push(field('subAppId', 'number', false));
  } else {
    fields.push(field('bucket', 'text', isRequired('bucket')), field('pathPrefix', 'text', false));
    if (provider === 's3-compatible') fields.push(field('endpoint', 'url', true, { placeholder: 'https://s3.example.com' }));
  }
  for (const secret of info.secrets) fields.push(field(secret, 'secret', true));
  return fields;
}

/** Form descriptors for every provider. */
export const STORAGE_FORMS: Record<StorageProvider, FormField[]> = Object.fromEntries(
  STORAGE_PROVIDERS.map((p) => [p, storageFormFor(p)]),
) as Record<StorageProvider, FormField[]>;

/** Input of `storage:delete`. `confirm` is needed when presets or running tasks name the target. */
export const StorageTargetDeleteInputSchema = z.strictObject({ id: RecordIdSchema, confirm: z.boolean().default(false) });
