import { z } from 'zod';
import { ACCOUNT_ENDPOINT_FIELD, ACCOUNT_NAME_FIELD, accountSchemas, ProductionOnlySchema, secretFormFields, type SecretFieldInfo } from '../../account-parts';
import { customIssue, type FormField } from '../../common';
import { TENCENT_API_KEYS, TENCENT_REGION_LABEL, TencentRegionSchema } from '../tencent-api3';
import { trroMsg } from './messages';
import { TRRO_PROFILE } from './profile';

/** TRRO vendor fields. */
export const TrroAccountFieldsSchema = z.strictObject({
  projectId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, customIssue(trroMsg('vendor.tencent-trro.form.projectId.alphabet'))),
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
    label: trroMsg('vendor.tencent-trro.secret.signKey.label'),
    help: trroMsg('vendor.tencent-trro.secret.signKey.help'),
  },
];


const FORM: readonly FormField[] = [
  ACCOUNT_NAME_FIELD,
  {
    key: 'fields.projectId',
    kind: 'text',
    required: true,
    label: trroMsg('vendor.tencent-trro.form.projectId.label'),
    help: trroMsg('vendor.tencent-trro.form.projectId.help'),
    placeholder: 'm82k5408n123phvb',
  },
  {
    key: 'fields.region',
    kind: 'text',
    required: false,
    label: TENCENT_REGION_LABEL,
    help: trroMsg('vendor.tencent-trro.form.region.help'),
    placeholder: 'ap-guangzhou',
  },
  ACCOUNT_ENDPOINT_FIELD,
  ...secretFormFields(SECRET_INFO, TRRO_PROFILE.optionalSecretFields),
];

/** The account side of the TRRO module. */
export const TRRO_ACCOUNT = {
  fields: TrroAccountFieldsSchema,
  ...accountSchemas('tencent-trro', ProductionOnlySchema, TrroAccountFieldsSchema, SECRET_FIELDS),
  secretFields: SECRET_FIELDS,
  secretInfo: SECRET_INFO,
  form: FORM,
};
