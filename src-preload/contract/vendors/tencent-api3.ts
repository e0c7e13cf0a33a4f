import { z } from 'zod';
import type { SecretFieldInfo } from '../account-parts';
import { customIssue, type LocalizedText } from '../common';

/**
 * What the Tencent Cloud API 3.0 vendors (TIW, TRRO) share in their accounts: the CAM key pair that
 * signs every call and the region code sent as X-TC-Region (docs/vendors/tencent-api3.md §2, §3).
 */

/** Tencent region code such as `ap-guangzhou`. */
export const TencentRegionSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,}(-[a-z0-9]+){1,3}$/, customIssue('A region code such as ap-guangzhou', '地域代码，例如 ap-guangzhou'));

/** Label of the region field on the Tencent account forms. */
export const TENCENT_REGION_LABEL: LocalizedText = { en: 'Region', 'zh-CN': '地域' };

/** The CAM key pair, first in every Tencent account's secrets. */
export const TENCENT_API_KEYS: readonly SecretFieldInfo[] = [
  {
    field: 'secretId',
    label: { en: 'SecretId', 'zh-CN': 'SecretId' },
    help: {
      en: 'Tencent Cloud API key (CAM → API keys). Copy it without spaces.',
      'zh-CN': '腾讯云 API 密钥（访问管理 → API 密钥），复制时不要带空格。',
    },
  },
  {
    field: 'secretKey',
    label: { en: 'SecretKey', 'zh-CN': 'SecretKey' },
    help: { en: 'Kept in the OS keychain, never shown again.', 'zh-CN': '保存在系统钥匙串中，不会再次显示。' },
  },
];
