import { z } from 'zod';
import { ACCOUNT_ENDPOINT_FIELD, ACCOUNT_NAME_FIELD, accountSchemas, ProductionOnlySchema, secretFormFields, type SecretFieldInfo } from '../../account-parts';
import { customIssue, type FormField } from '../../common';
import { TENCENT_API_KEYS, TENCENT_REGION_LABEL, TencentRegionSchema } from '../tencent-api3';

/** TRRO vendor fields. */
export const TrroAccountFieldsSchema = z.strictObject({
  projectId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, customIssue('Letters, digits, _ and - only', '只能包含字母、数字、_ 和 -')),
  /** X-TC-Region is optional for TRRO. */
  region: z
    .union([TencentRegionSchema, z.literal(''), z.null()])
    .transform((v) => (v === '' ? null : v))
    .default(null),
});

/** The CAM key pair signs API calls; `signKey` (the SignKey given to ModifyCallbackUrl) only verifies callbacks. */
const SECRET_FIELDS = ['secretId', 'secretKey', 'signKey'] as const;

const SECRET_INFO: readonly SecretFieldInfo[] = [
  ...TENCENT_API_KEYS,
  {
    field: 'signKey',
    label: { en: 'Callback SignKey (optional)', 'zh-CN': '回调签名密钥 SignKey（可选）' },
    help: {
      en: 'Only for the callback receiver: the SignKey given to ModifyCallbackUrl. Callbacks are verified with it.',
      'zh-CN': '仅用于回调接收：调用 ModifyCallbackUrl 时设置的 SignKey，用于校验回调签名。',
    },
  },
];

const OPTIONAL_SECRET_FIELDS = ['signKey'] as const;

const FORM: readonly FormField[] = [
  ACCOUNT_NAME_FIELD,
  {
    key: 'fields.projectId',
    kind: 'text',
    required: true,
    label: { en: 'Project ID', 'zh-CN': '项目 ID（ProjectId）' },
    help: { en: 'TRRO project id, e.g. m82k5408n123phvb.', 'zh-CN': 'TRRO 项目 ID，例如 m82k5408n123phvb。' },
    placeholder: 'm82k5408n123phvb',
  },
  {
    key: 'fields.region',
    kind: 'text',
    required: false,
    label: TENCENT_REGION_LABEL,
    help: { en: 'Optional for TRRO (X-TC-Region).', 'zh-CN': 'TRRO 可不填（X-TC-Region）。' },
    placeholder: 'ap-guangzhou',
  },
  ACCOUNT_ENDPOINT_FIELD,
  ...secretFormFields(SECRET_INFO, OPTIONAL_SECRET_FIELDS),
];

/** The account side of the TRRO module. */
export const TRRO_ACCOUNT = {
  fields: TrroAccountFieldsSchema,
  ...accountSchemas('tencent-trro', ProductionOnlySchema, TrroAccountFieldsSchema, SECRET_FIELDS),
  secretFields: SECRET_FIELDS,
  optionalSecretFields: OPTIONAL_SECRET_FIELDS,
  secretInfo: SECRET_INFO,
  form: FORM,
};
