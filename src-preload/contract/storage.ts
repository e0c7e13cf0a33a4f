import { z } from 'zod';
import {
  customIssue,
  EndpointUrlSchema,
  NameSchema,
  RecordIdSchema,
  SecretStatusSchema,
  secretValues,
  type FormField,
  type FormFieldKind,
  type FormOption,
  type LocalizedText,
} from './common';
import {
  STORAGE_PROVIDER_INFO,
  STORAGE_PROVIDERS,
  STORAGE_SECRET_FIELDS,
  StorageProviderSchema,
  type StorageDataField,
  type StorageProvider,
  type StorageProviderInfo,
} from './storage-providers';
import { VENDOR_CONTRACTS, type VendorId } from './vendors';

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
    .refine((v) => v === null || v.length <= max, customIssue(`At most ${max} characters`, `最多 ${max} 个字符`));

/**
 * Path prefix in the bucket: segments of `A-Z a-z 0-9 _ -` separated by `/`. That is TRRO's
 * FileNamePrefix alphabet, the strictest of the vendors, so a prefix fits every provider.
 */
export const PathPrefixSchema = optionalText(512).superRefine((v, ctx) => {
  if (v === null) return;
  const segments = v.split('/');
  if (segments.length > 16 || !segments.every((s) => /^[A-Za-z0-9_-]{1,128}$/.test(s))) {
    ctx.addIssue(
      customIssue(
        'Use path segments of letters, digits, _ and - separated by / (at most 16, no leading or trailing /)',
        '请使用以 / 分隔的路径段，每段只含字母、数字、_ 和 -（最多 16 段，首尾不加 /）',
      ),
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
      ctx.addIssue({ ...customIssue('Required for this provider', '该存储服务商必填'), path: [field] });
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

const LABELS = {
  name: { en: 'Name', 'zh-CN': '名称' },
  provider: { en: 'Provider', 'zh-CN': '存储服务商' },
  region: { en: 'Region', 'zh-CN': '地域' },
  bucket: { en: 'Bucket', 'zh-CN': '存储桶' },
  pathPrefix: { en: 'Path prefix', 'zh-CN': '路径前缀' },
  endpoint: { en: 'Endpoint', 'zh-CN': '服务地址（Endpoint）' },
  title: { en: 'Video title', 'zh-CN': '视频标题' },
  storageLocation: { en: 'Storage location', 'zh-CN': '存储地址（StorageLocation）' },
  subAppId: { en: 'Sub-application ID', 'zh-CN': '子应用 ID（SubAppId）' },
  accessKeyId: { en: 'Access key ID', 'zh-CN': 'AccessKey ID' },
  accessKeySecret: { en: 'Access key secret', 'zh-CN': 'AccessKey Secret' },
  secretId: { en: 'SecretId', 'zh-CN': 'SecretId' },
  secretKey: { en: 'SecretKey', 'zh-CN': 'SecretKey' },
} as const satisfies Record<string, LocalizedText>;

const HELP: Record<keyof typeof LABELS, LocalizedText> = {
  name: { en: 'Your own name for this target, unique among storage targets.', 'zh-CN': '为该存储目标起的名称，不能与其他存储目标重名。' },
  provider: { en: 'Where the vendor uploads the recorded files.', 'zh-CN': '录制文件上传到的存储服务。' },
  region: { en: "The provider's region code.", 'zh-CN': '存储服务的地域代码。' },
  bucket: { en: 'Bucket name; for COS the <BucketName-APPID> form.', 'zh-CN': '存储桶名称；COS 需使用 <BucketName-APPID> 格式。' },
  pathPrefix: {
    en: 'Optional folder inside the bucket, e.g. recordings/studio-a.',
    'zh-CN': '可选，存储桶内的目录，例如 recordings/studio-a。',
  },
  endpoint: { en: 'https:// address of the S3-compatible service.', 'zh-CN': 'S3 兼容服务的 https:// 地址。' },
  title: { en: 'Title given to uploaded videos.', 'zh-CN': '上传视频使用的标题。' },
  storageLocation: { en: 'StorageLocation from the Alibaba VOD console.', 'zh-CN': '阿里云点播控制台中的存储地址。' },
  subAppId: { en: 'Optional VOD sub-application.', 'zh-CN': '可选，点播子应用。' },
  accessKeyId: {
    en: 'Prefer a key that can only write to this bucket. Temporary (STS) keys are not accepted.',
    'zh-CN': '建议使用仅有该存储桶写权限的密钥；不支持临时（STS）密钥。',
  },
  accessKeySecret: { en: 'Kept in the OS keychain, never shown again.', 'zh-CN': '保存在系统钥匙串中，不会再次显示。' },
  secretId: { en: 'Tencent Cloud API key with VOD upload permission.', 'zh-CN': '具有点播上传权限的腾讯云 API 密钥。' },
  secretKey: { en: 'Kept in the OS keychain, never shown again.', 'zh-CN': '保存在系统钥匙串中，不会再次显示。' },
};

const PROVIDER_OPTIONS: readonly FormOption[] = STORAGE_PROVIDERS.map((p) => ({
  value: p,
  label: STORAGE_PROVIDER_INFO[p].label,
}));

/** The storage-target form for one provider: common fields, then the provider's own, then its keys. */
export function storageFormFor(provider: StorageProvider): FormField[] {
  const info: StorageProviderInfo = STORAGE_PROVIDER_INFO[provider];
  const field = (key: keyof typeof LABELS, kind: FormFieldKind, required: boolean, extra: Partial<FormField> = {}): FormField => ({
    key,
    kind,
    required,
    label: LABELS[key],
    help: HELP[key],
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
