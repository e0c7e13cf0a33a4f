import { z } from 'zod';
import { ACCOUNT_ENDPOINT_FIELD, ACCOUNT_NAME_FIELD, accountSchemas, ProductionOnlySchema, secretFormFields, Uint32IdSchema, type SecretFieldInfo } from '../../account-parts';
import type { FormField } from '../../common';
import { TENCENT_API_KEYS, TENCENT_REGION_LABEL, TencentRegionSchema } from '../tencent-api3';

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
    label: { en: 'SDK secret key (UserSig)', 'zh-CN': 'SDK 密钥（UserSig）' },
    help: {
      en: "The IM/TRTC application's secret key, used to sign the recorder's RecordUserSig.",
      'zh-CN': 'IM/TRTC 应用的密钥，用于为录制用户生成 RecordUserSig。',
    },
  },
  {
    field: 'callbackKey',
    label: { en: 'Callback key (optional)', 'zh-CN': '回调密钥 CallbackKey（可选）' },
    help: {
      en: 'Only for the callback receiver: the CallbackKey set with SetOnlineRecordCallbackKey (up to 64 characters). Callbacks are verified with it.',
      'zh-CN': '仅用于回调接收：通过 SetOnlineRecordCallbackKey 设置的回调密钥（最多 64 个字符），用于校验回调签名。',
    },
  },
];

const OPTIONAL_SECRET_FIELDS = ['callbackKey'] as const;

const FORM: readonly FormField[] = [
  ACCOUNT_NAME_FIELD,
  {
    key: 'fields.sdkAppId',
    kind: 'number',
    required: true,
    label: { en: 'SdkAppId', 'zh-CN': 'SdkAppId' },
    help: { en: 'Whiteboard application SdkAppId, e.g. 1400000001.', 'zh-CN': '互动白板应用的 SdkAppId，例如 1400000001。' },
    placeholder: '1400000001',
  },
  {
    key: 'fields.region',
    kind: 'text',
    required: true,
    label: TENCENT_REGION_LABEL,
    help: {
      en: 'Sent as X-TC-Region. The international site only supports ap-singapore for recording.',
      'zh-CN': '作为 X-TC-Region 发送；国际站实时录制仅支持 ap-singapore。',
    },
    placeholder: 'ap-guangzhou',
  },
  ACCOUNT_ENDPOINT_FIELD,
  ...secretFormFields(SECRET_INFO, OPTIONAL_SECRET_FIELDS),
];

/** The account side of the TIW module. */
export const TIW_ACCOUNT = {
  fields: TiwAccountFieldsSchema,
  ...accountSchemas('tencent-tiw', ProductionOnlySchema, TiwAccountFieldsSchema, SECRET_FIELDS),
  secretFields: SECRET_FIELDS,
  optionalSecretFields: OPTIONAL_SECRET_FIELDS,
  secretInfo: SECRET_INFO,
  form: FORM,
};
