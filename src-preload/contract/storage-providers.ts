import { msg, type Message } from './messages/message';

/**
 * The object stores and VOD services recordings upload to, as facts about the provider alone. How a
 * recording vendor numbers them, and which of them it accepts, lives in that vendor's module.
 */

/** Storage providers, in the order of ZEGO StorageParams `Vendor` 1–10. */
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
/** One of {@link STORAGE_PROVIDERS}. */
export type StorageProvider = (typeof STORAGE_PROVIDERS)[number];

/** Secret fields a storage target may hold. */
export const STORAGE_SECRET_FIELDS = ['accessKeyId', 'accessKeySecret', 'secretId', 'secretKey'] as const;
/** One of {@link STORAGE_SECRET_FIELDS}. */
export type StorageSecretField = (typeof STORAGE_SECRET_FIELDS)[number];

/** Non-secret fields of a storage target that some provider requires. */
export type StorageDataField = 'region' | 'bucket' | 'endpoint' | 'title' | 'storageLocation';

/** Facts about one provider, as data. */
export interface StorageProviderInfo {
  label: Message;
  /** Non-secret fields that must be filled. */
  required: readonly StorageDataField[];
  /** Secret fields, all required before the target can be used. */
  secrets: readonly StorageSecretField[];
  /** Example region, shown as placeholder. */
  regionExample: string | null;
}

const OBJECT_KEYS = ['accessKeyId', 'accessKeySecret'] as const;
const BUCKET_RULE = ['region', 'bucket'] as const;

/**
 * Per-provider rules (docs/vendors/zego.md §4.1.3, docs/vendors/tencent-trro.md §2.2). ZEGO's
 * required-field note lists Vendor 10 twice (Region+Bucket and Bucket+EndPoint); we require the
 * union so both readings hold.
 */
export const STORAGE_PROVIDER_INFO = {
  'amazon-s3': { label: msg('storageProvider.amazon-s3'), required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'cn-north-1' },
  'aliyun-oss': { label: msg('storageProvider.aliyun-oss'), required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'oss-cn-hangzhou' },
  'tencent-cos': { label: msg('storageProvider.tencent-cos'), required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'ap-beijing' },
  'qiniu-kodo': { label: msg('storageProvider.qiniu-kodo'), required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'z0' },
  'aliyun-vod': {
    label: msg('storageProvider.aliyun-vod'),
    required: ['region', 'title', 'storageLocation'],
    secrets: OBJECT_KEYS,
    regionExample: 'cn-shanghai',
  },
  'tencent-vod': { label: msg('storageProvider.tencent-vod'), required: ['region'], secrets: ['secretId', 'secretKey'], regionExample: 'ap-shanghai' },
  'huawei-obs': { label: msg('storageProvider.huawei-obs'), required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'cn-north-4' },
  'google-gcs': { label: msg('storageProvider.google-gcs'), required: ['bucket'], secrets: OBJECT_KEYS, regionExample: null },
  'china-mobile-eos': { label: msg('storageProvider.china-mobile-eos'), required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'eos-shanghai-1' },
  's3-compatible': {
    label: msg('storageProvider.s3-compatible'),
    required: ['region', 'bucket', 'endpoint'],
    secrets: OBJECT_KEYS,
    regionExample: 'us-east-1',
  },
} as const satisfies Record<StorageProvider, StorageProviderInfo>;

/**
 * The parts of a storage target a request validator looks at; its keys are only known to be set or
 * not, because the values stay in the vault.
 */
export interface StorageTargetShape {
  provider: string;
  region?: string | null;
  bucket?: string | null;
  endpoint?: string | null;
  title?: string | null;
  storageLocation?: string | null;
  /** Which secret fields hold a value. */
  keys: Partial<Record<StorageSecretField, boolean>>;
}
