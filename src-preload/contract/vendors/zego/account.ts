import { z } from 'zod';
import {
  ACCOUNT_ENDPOINT_FIELD,
  ACCOUNT_NAME_FIELD,
  AccountEnvironmentSchema,
  accountSchemas,
  secretFormFields,
  Uint32IdSchema,
  type SecretFieldInfo,
} from '../../account-parts';
import type { FormField, FormOption, LocalizedText } from '../../common';

/** ZEGO v2 hosts (docs/vendors/zego.md §2.1). The unified host routes to the nearest region. */
export const ZEGO_REGION_HOSTS = [
  'cloudrecord-api.zego.im',
  'cloudrecord-api-sha.zego.im',
  'cloudrecord-api-hkg.zego.im',
  'cloudrecord-api-fra.zego.im',
  'cloudrecord-api-lax.zego.im',
  'cloudrecord-api-bom.zego.im',
  'cloudrecord-api-sgp.zego.im',
] as const;
/** One of {@link ZEGO_REGION_HOSTS}. */
export type ZegoRegionHost = (typeof ZEGO_REGION_HOSTS)[number];

/** Operator-facing names of the ZEGO hosts. */
export const ZEGO_REGION_LABELS: Record<ZegoRegionHost, LocalizedText> = {
  'cloudrecord-api.zego.im': { en: 'Unified (nearest region)', 'zh-CN': '统一接入（就近路由）' },
  'cloudrecord-api-sha.zego.im': { en: 'Mainland China (Shanghai)', 'zh-CN': '中国内地（上海）' },
  'cloudrecord-api-hkg.zego.im': { en: 'Hong Kong, Macau, Taiwan (Hong Kong)', 'zh-CN': '中国港澳台（香港）' },
  'cloudrecord-api-fra.zego.im': { en: 'Europe (Frankfurt)', 'zh-CN': '欧洲（法兰克福）' },
  'cloudrecord-api-lax.zego.im': { en: 'US West (California)', 'zh-CN': '美西（加州）' },
  'cloudrecord-api-bom.zego.im': { en: 'Asia-Pacific (Mumbai)', 'zh-CN': '亚太（孟买）' },
  'cloudrecord-api-sgp.zego.im': { en: 'Southeast Asia (Singapore)', 'zh-CN': '东南亚（新加坡）' },
};

const DEFAULT_HOST: ZegoRegionHost = 'cloudrecord-api.zego.im';

/** ZEGO vendor fields. */
export const ZegoAccountFieldsSchema = z.strictObject({
  /** Project AppID (Uint32). */
  appId: Uint32IdSchema,
  regionHost: z.enum(ZEGO_REGION_HOSTS).default(DEFAULT_HOST),
});

/** ServerSecret signs every request; CallbackSecret (not the ServerSecret) only verifies callbacks. */
const SECRET_FIELDS = ['serverSecret', 'callbackSecret'] as const;

const SECRET_INFO: readonly SecretFieldInfo[] = [
  {
    field: 'serverSecret',
    label: { en: 'ServerSecret', 'zh-CN': 'ServerSecret' },
    help: {
      en: 'From the ZEGO console (project → basic configuration). Signs every request; kept in the OS keychain.',
      'zh-CN': '在 ZEGO 控制台（项目 → 基础配置）获取，用于请求签名，保存在系统钥匙串中。',
    },
  },
  {
    field: 'callbackSecret',
    label: { en: 'CallbackSecret (optional)', 'zh-CN': 'CallbackSecret（可选）' },
    help: {
      en: "Only for the callback receiver: the project's CallbackSecret from the ZEGO console, not the ServerSecret. Callbacks are verified with it.",
      'zh-CN': '仅用于回调接收：ZEGO 控制台项目信息中的 CallbackSecret（不是 ServerSecret），用于校验回调签名。',
    },
  },
];

const OPTIONAL_SECRET_FIELDS = ['callbackSecret'] as const;

const HOST_OPTIONS: readonly FormOption[] = ZEGO_REGION_HOSTS.map((h) => ({ value: h, label: ZEGO_REGION_LABELS[h] }));

const FORM: readonly FormField[] = [
  ACCOUNT_NAME_FIELD,
  {
    key: 'environment',
    kind: 'select',
    required: true,
    label: { en: 'Environment', 'zh-CN': '环境' },
    help: {
      en: 'Test only for projects created on or before 2021-11-16 with a test-environment AppID (sent as IsTest=true).',
      'zh-CN': '仅 2021-11-16 及之前创建且使用测试环境 AppID 的项目选择“测试”（请求携带 IsTest=true）。',
    },
    options: [
      { value: 'production', label: { en: 'Production', 'zh-CN': '正式环境' } },
      { value: 'test', label: { en: 'Test', 'zh-CN': '测试环境' } },
    ],
    defaultValue: 'production',
  },
  {
    key: 'fields.appId',
    kind: 'number',
    required: true,
    label: { en: 'AppID', 'zh-CN': 'AppID' },
    help: { en: 'Project AppID from the ZEGO console (a whole number).', 'zh-CN': 'ZEGO 控制台中的项目 AppID（整数）。' },
  },
  {
    key: 'fields.regionHost',
    kind: 'select',
    required: true,
    label: { en: 'Region', 'zh-CN': '接入地域' },
    help: { en: 'Use the region where your studio or server runs.', 'zh-CN': '选择离您的录制机房或服务器最近的地域。' },
    options: HOST_OPTIONS,
    defaultValue: DEFAULT_HOST,
  },
  ACCOUNT_ENDPOINT_FIELD,
  ...secretFormFields(SECRET_INFO, OPTIONAL_SECRET_FIELDS),
];

/** The account side of the ZEGO module. */
export const ZEGO_ACCOUNT = {
  fields: ZegoAccountFieldsSchema,
  ...accountSchemas('zego', AccountEnvironmentSchema.default('production'), ZegoAccountFieldsSchema, SECRET_FIELDS),
  secretFields: SECRET_FIELDS,
  optionalSecretFields: OPTIONAL_SECRET_FIELDS,
  secretInfo: SECRET_INFO,
  form: FORM,
};
