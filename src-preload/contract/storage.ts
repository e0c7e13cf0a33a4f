import { z } from 'zod';
import type { VendorId } from './tasks';

/**
 * Storage targets: the buckets and VOD apps recordings upload to. Their keys are secrets: they live
 * in the vault and are injected into vendor request bodies only when a request is sent.
 *
 * Also home to the few shapes every form descriptor shares ({@link LocalizedText},
 * {@link FormField}, {@link SecretStatus}), because accounts import from here.
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

/**
 * Storage providers. The first ten are ZEGO StorageParams `Vendor` 1–10 in order; TRRO
 * CloudStorage `Vendor` 0 (COS) and 1 (AWS) are `tencent-cos` and `amazon-s3`.
 */
export const STORAGE_PROVIDERS = [
  'amazon-s3',
  'aliyun-oss',
  'tencent-cos',
  'qiniu-kodo',
  'aliyun-vod',
  'tencent-vod',
  'huawei-obs',
  'google-gcs',
  'china-mobile-eos',
  's3-compatible',
] as const;
/** See {@link STORAGE_PROVIDERS}. */
export const StorageProviderSchema = z.enum(STORAGE_PROVIDERS);
/** One of {@link STORAGE_PROVIDERS}. */
export type StorageProvider = z.infer<typeof StorageProviderSchema>;

/** Secret fields a storage target may hold. */
export const STORAGE_SECRET_FIELDS = ['accessKeyId', 'accessKeySecret', 'secretId', 'secretKey'] as const;
/** One of {@link STORAGE_SECRET_FIELDS}. */
export type StorageSecretField = (typeof STORAGE_SECRET_FIELDS)[number];

/** Non-secret fields of a storage target that some provider requires. */
export type StorageDataField = 'region' | 'bucket' | 'endpoint' | 'title' | 'storageLocation';

/** Facts about one provider, as data. */
export interface StorageProviderInfo {
  label: LocalizedText;
  /** ZEGO StorageParams `Vendor`. */
  zegoVendor: number;
  /** TRRO CloudStorage `Vendor`; null where TRRO cannot upload to it. */
  trroVendor: number | null;
  /** Recording vendors that can upload to it. TIW has no storage parameter (it uploads to its own VOD). */
  vendors: readonly VendorId[];
  /** Non-secret fields that must be filled. */
  required: readonly StorageDataField[];
  /** Secret fields, all required before the target can be used. */
  secrets: readonly StorageSecretField[];
  /** Output formats ZEGO can upload to it; null = any. */
  zegoFormats: readonly string[] | null;
  /** Example region, shown as placeholder. */
  regionExample: string | null;
}

const OBJECT_KEYS = ['accessKeyId', 'accessKeySecret'] as const;
const BUCKET_RULE = ['region', 'bucket'] as const;

/**
 * Per-provider rules from ZEGO §4.1.3 and TRRO §3.1. ZEGO's required-field note lists Vendor 10
 * twice (Region+Bucket and Bucket+EndPoint); we require the union so both readings hold.
 */
export const STORAGE_PROVIDER_INFO = {
  'amazon-s3': {
    label: { en: 'Amazon S3', 'zh-CN': '亚马逊 S3' },
    zegoVendor: 1,
    trroVendor: 1,
    vendors: ['zego', 'tencent-trro'],
    required: BUCKET_RULE,
    secrets: OBJECT_KEYS,
    zegoFormats: null,
    regionExample: 'cn-north-1',
  },
  'aliyun-oss': {
    label: { en: 'Alibaba Cloud OSS', 'zh-CN': '阿里云 OSS' },
    zegoVendor: 2,
    trroVendor: null,
    vendors: ['zego'],
    required: BUCKET_RULE,
    secrets: OBJECT_KEYS,
    zegoFormats: null,
    regionExample: 'oss-cn-hangzhou',
  },
  'tencent-cos': {
    label: { en: 'Tencent Cloud COS', 'zh-CN': '腾讯云 COS' },
    zegoVendor: 3,
    trroVendor: 0,
    vendors: ['zego', 'tencent-trro'],
    required: BUCKET_RULE,
    secrets: OBJECT_KEYS,
    zegoFormats: null,
    regionExample: 'ap-beijing',
  },
  'qiniu-kodo': {
    label: { en: 'Qiniu Kodo', 'zh-CN': '七牛云 Kodo' },
    zegoVendor: 4,
    trroVendor: null,
    vendors: ['zego'],
    required: BUCKET_RULE,
    secrets: OBJECT_KEYS,
    zegoFormats: null,
    regionExample: 'z0',
  },
  'aliyun-vod': {
    label: { en: 'Alibaba Cloud VOD', 'zh-CN': '阿里云视频点播' },
    zegoVendor: 5,
    trroVendor: null,
    vendors: ['zego'],
    required: ['region', 'title', 'storageLocation'],
    secrets: OBJECT_KEYS,
    zegoFormats: ['mp4', 'flv'],
    regionExample: 'cn-shanghai',
  },
  'tencent-vod': {
    label: { en: 'Tencent Cloud VOD', 'zh-CN': '腾讯云点播' },
    zegoVendor: 6,
    trroVendor: null,
    vendors: ['zego'],
    required: ['region'],
    secrets: ['secretId', 'secretKey'],
    zegoFormats: ['mp4', 'flv', 'jpg', 'mp3'],
    regionExample: 'ap-shanghai',
  },
  'huawei-obs': {
    label: { en: 'Huawei Cloud OBS', 'zh-CN': '华为云 OBS' },
    zegoVendor: 7,
    trroVendor: null,
    vendors: ['zego'],
    required: BUCKET_RULE,
    secrets: OBJECT_KEYS,
    zegoFormats: null,
    regionExample: 'cn-north-4',
  },
  'google-gcs': {
    label: { en: 'Google Cloud Storage', 'zh-CN': '谷歌云存储' },
    zegoVendor: 8,
    trroVendor: null,
    vendors: ['zego'],
    required: ['bucket'],
    secrets: OBJECT_KEYS,
    zegoFormats: null,
    regionExample: null,
  },
  'china-mobile-eos': {
    label: { en: 'China Mobile EOS', 'zh-CN': '中国移动 EOS' },
    zegoVendor: 9,
    trroVendor: null,
    vendors: ['zego'],
    required: BUCKET_RULE,
    secrets: OBJECT_KEYS,
    zegoFormats: null,
    regionExample: 'eos-shanghai-1',
  },
  's3-compatible': {
    label: { en: 'S3-compatible storage', 'zh-CN': 'S3 兼容存储' },
    zegoVendor: 10,
    trroVendor: null,
    vendors: ['zego'],
    required: ['region', 'bucket', 'endpoint'],
    secrets: OBJECT_KEYS,
    zegoFormats: null,
    regionExample: 'us-east-1',
  },
} as const satisfies Record<StorageProvider, StorageProviderInfo>;

/** Providers one recording vendor can upload to. */
export function storageProvidersFor(vendor: VendorId): StorageProvider[] {
  return STORAGE_PROVIDERS.filter((p) => (STORAGE_PROVIDER_INFO[p].vendors as readonly VendorId[]).includes(vendor));
}

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

/** Secret values keyed by field, set together with a create/update. Blank values are rejected. */
function secretValues<const F extends readonly [string, ...string[]]>(fields: F) {
  return z.partialRecord(z.enum(fields), z.string().trim().min(1).max(4096));
}

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
  id: z.string().min(1).max(64),
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
