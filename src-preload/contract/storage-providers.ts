import { z } from 'zod';
import type { LocalizedText } from './common';

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
  'amazon-s3': { label: { en: 'Amazon S3', 'zh-CN': '亚马逊 S3' }, required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'cn-north-1' },
  'aliyun-oss': { label: { en: 'Alibaba Cloud OSS', 'zh-CN': '阿里云 OSS' }, required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'oss-cn-hangzhou' },
  'tencent-cos': { label: { en: 'Tencent Cloud COS', 'zh-CN': '腾讯云 COS' }, required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'ap-beijing' },
  'qiniu-kodo': { label: { en: 'Qiniu Kodo', 'zh-CN': '七牛云 Kodo' }, required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'z0' },
  'aliyun-vod': {
    label: { en: 'Alibaba Cloud VOD', 'zh-CN': '阿里云视频点播' },
    required: ['region', 'title', 'storageLocation'],
    secrets: OBJECT_KEYS,
    regionExample: 'cn-shanghai',
  },
  'tencent-vod': { label: { en: 'Tencent Cloud VOD', 'zh-CN': '腾讯云点播' }, required: ['region'], secrets: ['secretId', 'secretKey'], regionExample: 'ap-shanghai' },
  'huawei-obs': { label: { en: 'Huawei Cloud OBS', 'zh-CN': '华为云 OBS' }, required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'cn-north-4' },
  'google-gcs': { label: { en: 'Google Cloud Storage', 'zh-CN': '谷歌云存储' }, required: ['bucket'], secrets: OBJECT_KEYS, regionExample: null },
  'china-mobile-eos': { label: { en: 'China Mobile EOS', 'zh-CN': '中国移动 EOS' }, required: BUCKET_RULE, secrets: OBJECT_KEYS, regionExample: 'eos-shanghai-1' },
  's3-compatible': {
    label: { en: 'S3-compatible storage', 'zh-CN': 'S3 兼容存储' },
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
