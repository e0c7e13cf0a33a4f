import { z } from 'zod';
import type { SecretFieldInfo } from '../account-parts';
import { customIssue } from '../common';
import type { Message } from '../messages/message';
import { tencentMsg } from './tencent-api3-messages';

/**
 * What the Tencent Cloud API 3.0 vendors (TIW, TRRO) share in their accounts: the CAM key pair that
 * signs every call and the region code sent as X-TC-Region (docs/vendors/tencent-api3.md §2, §3).
 */

/** Tencent region code such as `ap-guangzhou`. */
export const TencentRegionSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,}(-[a-z0-9]+){1,3}$/, customIssue(tencentMsg('tencent.form.region.format')));

/** Label of the region field on the Tencent account forms. */
export const TENCENT_REGION_LABEL: Message = tencentMsg('tencent.form.region.label');

/** The CAM key pair, first in every Tencent account's secrets. */
export const TENCENT_API_KEYS: readonly SecretFieldInfo[] = [
  {
    field: 'secretId',
    label: tencentMsg('tencent.secret.secretId.label'),
    help: tencentMsg('tencent.secret.secretId.help'),
  },
  {
    field: 'secretKey',
    label: tencentMsg('tencent.secret.secretKey.label'),
    help: tencentMsg('tencent.secret.secretKey.help'),
  },
];
