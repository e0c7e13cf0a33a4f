import { z } from 'zod';
import { ACCOUNT_ENDPOINT_FIELD, ACCOUNT_NAME_FIELD, accountSchemas, ProductionOnlySchema, secretFormFields, Uint32IdSchema, type SecretFieldInfo } from '../../account-parts';
import type { FormField } from '../../common';
import { TENCENT_API_KEYS, TENCENT_REGION_LABEL, TencentRegionSchema } from '../tencent-api3';
import { tiwMsg } from './messages';
import { TIW_PROFILE } from './profile';

/** TIW vendor fields. */
export const TiwAccountFieldsSchema = z.strictObject({
  sdkAppId: Uint32IdSchema,
  /** X-TC-Region (required by TIW). */
  region: TencentRegionSchema,
});

/**
 * The CAM key pair signs API calls; `sdkSecretKey` is the IM SDK key RecDeck signs RecordUserSig with;
 * `callbackKey` (CallbackKey) only verifies callbacks.
 */
const SECRET_FIELDS = ['secretId', 'secretKey', 'sdkSecretKey', 'callbackKey'] as const;

const SECRET_INFO: readonly SecretFieldInfo[] = [
  ...TENCENT_API_KEYS,
  {
    field: 'sdkSecretKey',
    label: tiwMsg('vendor.tencent-tiw.secret.sdkSecretKey.label'),
    help: tiwMsg('vendor.tencent-tiw.secret.sdkSecretKey.help'),
  },
  {
    field: 'callbackKey',
    label: tiwMsg('vendor.tencent-tiw.secret.callbackKey.label'),
    help: tiwMsg('vendor.tencent-tiw.secret.callbackKey.help'),
  },
];


const FORM: readonly FormField[] = [
  ACCOUNT_NAME_FIELD,
  {
    key: 'fields.sdkAppId',
    kind: 'number',
    required: true,
    label: tiwMsg('vendor.tencent-tiw.form.sdkAppId.label'),
    help: tiwMsg('vendor.tencent-tiw.form.sdkAppId.help'),
    placeholder: '1400000001',
  },
  {
    key: 'fields.region',
    kind: 'text',
    required: true,
    label: TENCENT_REGION_LABEL,
    help: tiwMsg('vendor.tencent-tiw.form.region.help'),
    placeholder: 'ap-guangzhou',
  },
  ACCOUNT_ENDPOINT_FIELD,
  ...secretFormFields(SECRET_INFO, TIW_PROFILE.optionalSecretFields),
];

/** The account side of the TIW module. */
export const TIW_ACCOUNT = {
  fields: TiwAccountFieldsSchema,
  ...accountSchemas('tencent-tiw', ProductionOnlySchema, TiwAccountFieldsSchema, SECRET_FIELDS),
  secretFields: SECRET_FIELDS,
  secretInfo: SECRET_INFO,
  form: FORM,
};
