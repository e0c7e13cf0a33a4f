import { z } from 'zod';
import {
  LocalizedTextSchema,
  EndpointUrlSchema,
  NameSchema,
  SecretStatusSchema,
  StorageTargetFieldsSchema,
  customIssue,
  type FormField,
  type FormOption,
  type LocalizedText,
} from './storage';
import type { VendorId } from './tasks';

/**
 * Vendor accounts: the non-secret identity of a ZEGO / TIW / TRRO project. Secrets (ServerSecret,
 * SecretId/SecretKey, the TIW SDK secret key) live in the vault; the renderer only learns whether
 * each one is configured.
 */

/** ZEGO v2 hosts (spec §2.1). The unified host routes to the nearest region. */
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

/**
 * Secret fields per vendor. TIW's `sdkSecretKey` is the IM SDK key RecDeck signs RecordUserSig with;
 * `callbackSecret` (ZEGO CallbackSecret), `callbackKey` (TIW CallbackKey) and `signKey` (TRRO SignKey)
 * only verify vendor callbacks.
 */
export const ACCOUNT_SECRET_FIELDS = {
  zego: ['serverSecret', 'callbackSecret'],
  'tencent-tiw': ['secretId', 'secretKey', 'sdkSecretKey', 'callbackKey'],
  'tencent-trro': ['secretId', 'secretKey', 'signKey'],
} as const satisfies Record<VendorId, readonly [string, ...string[]]>;
/** A secret field name of vendor `V`. */
export type AccountSecretField<V extends VendorId = VendorId> = (typeof ACCOUNT_SECRET_FIELDS)[V][number];

/**
 * Secret fields an account works without: they only verify callbacks, so vendor calls never require
 * them and the forms mark them optional.
 */
export const ACCOUNT_OPTIONAL_SECRET_FIELDS = {
  zego: ['callbackSecret'],
  'tencent-tiw': ['callbackKey'],
  'tencent-trro': ['signKey'],
} as const satisfies { [V in VendorId]: readonly AccountSecretField<V>[] };

/** Whether `field` is one of the vendor's {@link ACCOUNT_OPTIONAL_SECRET_FIELDS}. */
export function isOptionalSecretField(vendor: VendorId, field: string): boolean {
  return (ACCOUNT_OPTIONAL_SECRET_FIELDS[vendor] as readonly string[]).includes(field);
}

/** Label and help of one account secret. */
export interface SecretFieldInfo {
  field: string;
  label: LocalizedText;
  help: LocalizedText;
}

const TC_SECRET_ID: SecretFieldInfo = {
  field: 'secretId',
  label: { en: 'SecretId', 'zh-CN': 'SecretId' },
  help: {
    en: 'Tencent Cloud API key (CAM → API keys). Copy it without spaces.',
    'zh-CN': '腾讯云 API 密钥（访问管理 → API 密钥），复制时不要带空格。',
  },
};
const TC_SECRET_KEY: SecretFieldInfo = {
  field: 'secretKey',
  label: { en: 'SecretKey', 'zh-CN': 'SecretKey' },
  help: { en: 'Kept in the OS keychain, never shown again.', 'zh-CN': '保存在系统钥匙串中，不会再次显示。' },
};

/** Bilingual label and help of every account secret, in form order. */
export const ACCOUNT_SECRET_INFO: Record<VendorId, readonly SecretFieldInfo[]> = {
  zego: [
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
  ],
  'tencent-tiw': [
    TC_SECRET_ID,
    TC_SECRET_KEY,
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
  ],
  'tencent-trro': [
    TC_SECRET_ID,
    TC_SECRET_KEY,
    {
      field: 'signKey',
      label: { en: 'Callback SignKey (optional)', 'zh-CN': '回调签名密钥 SignKey（可选）' },
      help: {
        en: 'Only for the callback receiver: the SignKey given to ModifyCallbackUrl. Callbacks are verified with it.',
        'zh-CN': '仅用于回调接收：调用 ModifyCallbackUrl 时设置的 SignKey，用于校验回调签名。',
      },
    },
  ],
};

/** `production` or `test`. Only ZEGO has a test environment (IsTest); Tencent accounts are always production. */
export const AccountEnvironmentSchema = z.enum(['production', 'test']);
/** See {@link AccountEnvironmentSchema}. */
export type AccountEnvironment = z.infer<typeof AccountEnvironmentSchema>;

/** Tencent region code such as `ap-guangzhou`. */
const TencentRegionSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,}(-[a-z0-9]+){1,3}$/, customIssue('A region code such as ap-guangzhou', '地域代码，例如 ap-guangzhou'));

const Uint32IdSchema = z.number().int().min(1).max(4294967295);

/** ZEGO vendor fields. */
export const ZegoAccountFieldsSchema = z.strictObject({
  /** Project AppID (Uint32). */
  appId: Uint32IdSchema,
  regionHost: z.enum(ZEGO_REGION_HOSTS).default('cloudrecord-api.zego.im'),
});
/** TIW vendor fields. */
export const TiwAccountFieldsSchema = z.strictObject({
  sdkAppId: Uint32IdSchema,
  /** X-TC-Region (required by TIW). */
  region: TencentRegionSchema,
});
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

function secretValues<const F extends readonly [string, ...string[]]>(fields: F) {
  return z.partialRecord(z.enum(fields), z.string().trim().min(1).max(4096));
}

const common = { name: NameSchema, endpoint: EndpointUrlSchema.default(null) };
const tencentEnv = z.literal('production').default('production');

/** The non-secret part of an account per vendor, validated (what the service stores). */
export const AccountDraftSchema = z.discriminatedUnion('vendor', [
  z.strictObject({ vendor: z.literal('zego'), ...common, environment: AccountEnvironmentSchema.default('production'), fields: ZegoAccountFieldsSchema }),
  z.strictObject({ vendor: z.literal('tencent-tiw'), ...common, environment: tencentEnv, fields: TiwAccountFieldsSchema }),
  z.strictObject({ vendor: z.literal('tencent-trro'), ...common, environment: tencentEnv, fields: TrroAccountFieldsSchema }),
]);
/** See {@link AccountDraftSchema}. */
export type AccountDraft = z.infer<typeof AccountDraftSchema>;

/** Input of `accounts:create`: the draft plus, optionally, secrets to store in the vault at once. */
export const AccountCreateInputSchema = z.discriminatedUnion('vendor', [
  AccountDraftSchema.options[0].extend({ secrets: secretValues(ACCOUNT_SECRET_FIELDS.zego).optional() }),
  AccountDraftSchema.options[1].extend({ secrets: secretValues(ACCOUNT_SECRET_FIELDS['tencent-tiw']).optional() }),
  AccountDraftSchema.options[2].extend({ secrets: secretValues(ACCOUNT_SECRET_FIELDS['tencent-trro']).optional() }),
]);
/** See {@link AccountCreateInputSchema}. */
export type AccountCreateInput = z.input<typeof AccountCreateInputSchema>;

/**
 * Input of `accounts:update`. `patch` holds the fields to change (`name`, `environment`,
 * `endpoint`, `fields` — the latter merged key by key); the service merges it over the stored
 * account and validates the whole, so errors come back per field. The vendor cannot change.
 */
export const AccountUpdateInputSchema = z.strictObject({
  id: z.string().min(1).max(64),
  patch: z.record(z.string(), z.unknown()).default({}),
  secrets: z.record(z.string(), z.unknown()).optional(),
});
/** See {@link AccountUpdateInputSchema}. */
export type AccountUpdateInput = z.input<typeof AccountUpdateInputSchema>;

const accountMeta = {
  id: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** One entry per vendor secret field, never a value. */
  secrets: z.array(SecretStatusSchema),
};

/** A stored account as the renderer sees it. */
export const AccountSchema = z.discriminatedUnion('vendor', [
  AccountDraftSchema.options[0].extend(accountMeta),
  AccountDraftSchema.options[1].extend(accountMeta),
  AccountDraftSchema.options[2].extend(accountMeta),
]);
/** See {@link AccountSchema}. */
export type Account = z.infer<typeof AccountSchema>;

/** Input of `accounts:delete`. `confirm` is needed when tasks refer to the account. */
export const AccountDeleteInputSchema = z.strictObject({ id: z.string().min(1).max(64), confirm: z.boolean().default(false) });
/** Output of `accounts:delete`: how many recorded tasks referred to it (their history keeps the name). */
export const AccountDeleteOutputSchema = z.object({ deleted: z.literal(true), taskCount: z.number().int() });

/** Input of `storage:delete`. `confirm` is needed when presets or running tasks name the target. */
export const StorageTargetDeleteInputSchema = z.strictObject({ id: z.string().min(1).max(64), confirm: z.boolean().default(false) });

/** Whose secret: an account or a storage target. */
export const SecretOwnerKindSchema = z.enum(['account', 'storage']);
/** See {@link SecretOwnerKindSchema}. */
export type SecretOwnerKind = z.infer<typeof SecretOwnerKindSchema>;

/** Input of `secrets:set`. The value is trimmed: stray whitespace is the classic signature failure. */
export const SecretSetInputSchema = z.strictObject({
  owner: SecretOwnerKindSchema,
  id: z.string().min(1).max(64),
  field: z.string().min(1).max(64),
  value: z.string().trim().min(1).max(4096),
});
/** Input of `secrets:clear`. */
export const SecretClearInputSchema = z.strictObject({
  owner: SecretOwnerKindSchema,
  id: z.string().min(1).max(64),
  field: z.string().min(1).max(64),
});
/** Input of `secrets:status`: every secret field of one owner. Output: `SecretStatus[]`. */
export const SecretStatusInputSchema = z.strictObject({ owner: SecretOwnerKindSchema, id: z.string().min(1).max(64) });

/** One account as exported: no id, no secrets. */
export const ExportedAccountSchema = z.union([
  AccountDraftSchema.options[0],
  AccountDraftSchema.options[1],
  AccountDraftSchema.options[2],
]);

/**
 * Export file of `accounts:export`. Secrets are never included: after an import the operator
 * enters each account's secrets again.
 */
export const AccountsExportSchema = z.object({
  format: z.literal('recdeck-accounts'),
  version: z.literal(1),
  exportedAt: z.string(),
  secretsIncluded: z.literal(false),
  note: z.string(),
  accounts: z.array(z.unknown()).max(1000),
  storageTargets: z.array(z.unknown()).max(1000),
});
/** See {@link AccountsExportSchema}; entries are typed as the drafts they are. */
export type AccountsExport = Omit<z.infer<typeof AccountsExportSchema>, 'accounts' | 'storageTargets'> & {
  accounts: AccountDraft[];
  storageTargets: z.infer<typeof StorageTargetFieldsSchema>[];
};

/** Input of `accounts:import`: the parsed JSON of an export file. */
export const AccountsImportInputSchema = z.strictObject({ data: z.unknown() });

/**
 * Output of `accounts:import`. Name clashes are not errors: the imported entry is renamed with an
 * ` (imported)` / ` (imported 2)` … suffix and listed in `renamed`.
 */
export const AccountsImportOutputSchema = z.object({
  accounts: z.number().int(),
  storageTargets: z.number().int(),
  renamed: z.array(z.object({ kind: z.enum(['account', 'storage']), from: z.string(), to: z.string() })),
});
/** See {@link AccountsImportOutputSchema}. */
export type AccountsImportOutput = z.infer<typeof AccountsImportOutputSchema>;

/** Field path → bilingual message: `details.fields` of a `VALIDATION` error. The key `''` means the input as a whole. */
export type FieldErrors = Record<string, LocalizedText>;

/**
 * Turns zod issues into {@link FieldErrors}, in both languages and without the submitted values.
 * Pure, so the renderer can show the same messages while the operator types.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  const put = (path: readonly PropertyKey[], text: LocalizedText) => {
    const key = [prefix, ...path.map(String)].filter((s) => s !== '').join('.');
    out[key] ??= text;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) put([...issue.path, k], { en: 'Unknown field', 'zh-CN': '未知字段' });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const nested = issue.errors.flat();
      Object.assign(out, issuesToFieldErrors(nested, prefix));
      continue;
    }
    put(issue.path, describeIssue(issue));
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): LocalizedText {
  switch (issue.code) {
    case 'custom': {
      const zh = (issue.params as { zh?: unknown } | undefined)?.zh;
      return { en: issue.message, 'zh-CN': typeof zh === 'string' ? zh : issue.message };
    }
    case 'invalid_type':
      // zod leaves the input out of issues (so values never leak); its message still says "received undefined".
      if (issue.message.includes('received undefined')) return { en: 'Required', 'zh-CN': '必填' };
      return { en: `Expected ${kindName(issue.expected).en}`, 'zh-CN': `应为${kindName(issue.expected)['zh-CN']}` };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? { en: 'Required', 'zh-CN': '必填' } : { en: `At least ${issue.minimum} characters`, 'zh-CN': `至少 ${issue.minimum} 个字符` };
      }
      return { en: `Must be at least ${issue.minimum}`, 'zh-CN': `不能小于 ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { en: `At most ${issue.maximum} characters`, 'zh-CN': `最多 ${issue.maximum} 个字符` };
      if (issue.origin === 'array') return { en: `At most ${issue.maximum} items`, 'zh-CN': `最多 ${issue.maximum} 项` };
      return { en: `Must be at most ${issue.maximum}`, 'zh-CN': `不能大于 ${issue.maximum}` };
    case 'invalid_value':
      return {
        en: `Choose one of: ${issue.values.map(String).join(', ')}`,
        'zh-CN': `请选择：${issue.values.map(String).join('、')}`,
      };
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options)) {
        return { en: `Choose one of: ${options.map(String).join(', ')}`, 'zh-CN': `请选择：${options.map(String).join('、')}` };
      }
      return { en: 'Unknown or unsupported value', 'zh-CN': '未知或不支持的取值' };
    }
    case 'invalid_format':
      return { en: 'Wrong format', 'zh-CN': '格式不正确' };
    case 'invalid_key':
      return { en: 'Unknown field', 'zh-CN': '未知字段' };
    default:
      return { en: 'Invalid value', 'zh-CN': '取值无效' };
  }
}

function kindName(expected: string): LocalizedText {
  if (expected === 'number' || expected === 'int') return { en: 'a number', 'zh-CN': '数字' };
  if (expected === 'string') return { en: 'text', 'zh-CN': '文本' };
  if (expected === 'boolean') return { en: 'true or false', 'zh-CN': '布尔值' };
  if (expected === 'object' || expected === 'record') return { en: 'an object', 'zh-CN': '对象' };
  if (expected === 'array') return { en: 'a list', 'zh-CN': '列表' };
  return { en: expected, 'zh-CN': expected };
}

const L = {
  name: { en: 'Name', 'zh-CN': '名称' },
  environment: { en: 'Environment', 'zh-CN': '环境' },
  endpoint: { en: 'Custom endpoint', 'zh-CN': '自定义接入地址' },
  appId: { en: 'AppID', 'zh-CN': 'AppID' },
  regionHost: { en: 'Region', 'zh-CN': '接入地域' },
  sdkAppId: { en: 'SdkAppId', 'zh-CN': 'SdkAppId' },
  region: { en: 'Region', 'zh-CN': '地域' },
  projectId: { en: 'Project ID', 'zh-CN': '项目 ID（ProjectId）' },
} as const satisfies Record<string, LocalizedText>;

const nameField: FormField = {
  key: 'name',
  kind: 'text',
  required: true,
  label: L.name,
  help: { en: 'Your own name for this account, unique per vendor.', 'zh-CN': '为该账号起的名称，同一厂商下不能重名。' },
};
const endpointField: FormField = {
  key: 'endpoint',
  kind: 'url',
  required: false,
  label: L.endpoint,
  help: {
    en: "Leave empty to use the vendor's host. Set it for a proxy or the Sandbox emulator (http(s)://host[:port][/path]).",
    'zh-CN': '留空则使用厂商默认地址；使用代理或沙箱模拟器时填写（http(s)://主机[:端口][/路径]）。',
  },
  placeholder: 'https://proxy.example.com',
};

function secretFields(vendor: VendorId): FormField[] {
  return ACCOUNT_SECRET_INFO[vendor].map((s) => ({ key: s.field, kind: 'secret', required: !isOptionalSecretField(vendor, s.field), label: s.label, help: s.help }));
}

const ZEGO_HOST_OPTIONS: readonly FormOption[] = ZEGO_REGION_HOSTS.map((h) => ({ value: h, label: ZEGO_REGION_LABELS[h] }));

/**
 * The account form per vendor. Keys are input paths (`fields.appId`); `secret` keys are the
 * secret field names for `secrets:set` (or the create input's `secrets`).
 */
export const ACCOUNT_FORMS: Record<VendorId, readonly FormField[]> = {
  zego: [
    nameField,
    {
      key: 'environment',
      kind: 'select',
      required: true,
      label: L.environment,
      help: {
        en: 'Test only for projects created on or before 2021-11-16 with a test-environment AppID (sent as IsTest=true).',
        'zh-CN': '仅 2021-11-16 及之前创建且使用测试环境 AppID 的项目选择“测试”（请求携带 IsTest=true）。',
      },
      options: [
        { value: 'production', label: { en: 'Production', 'zh-CN': '正式环境' } },
        { value: 'test', label: { en: 'Test', 'zh-CN': '测试环境' } },
      ],
    },
    {
      key: 'fields.appId',
      kind: 'number',
      required: true,
      label: L.appId,
      help: { en: 'Project AppID from the ZEGO console (a whole number).', 'zh-CN': 'ZEGO 控制台中的项目 AppID（整数）。' },
    },
    {
      key: 'fields.regionHost',
      kind: 'select',
      required: true,
      label: L.regionHost,
      help: { en: 'Use the region where your studio or server runs.', 'zh-CN': '选择离您的录制机房或服务器最近的地域。' },
      options: ZEGO_HOST_OPTIONS,
    },
    endpointField,
    ...secretFields('zego'),
  ],
  'tencent-tiw': [
    nameField,
    {
      key: 'fields.sdkAppId',
      kind: 'number',
      required: true,
      label: L.sdkAppId,
      help: { en: 'Whiteboard application SdkAppId, e.g. 1400000001.', 'zh-CN': '互动白板应用的 SdkAppId，例如 1400000001。' },
      placeholder: '1400000001',
    },
    {
      key: 'fields.region',
      kind: 'text',
      required: true,
      label: L.region,
      help: {
        en: 'Sent as X-TC-Region. The international site only supports ap-singapore for recording.',
        'zh-CN': '作为 X-TC-Region 发送；国际站实时录制仅支持 ap-singapore。',
      },
      placeholder: 'ap-guangzhou',
    },
    endpointField,
    ...secretFields('tencent-tiw'),
  ],
  'tencent-trro': [
    nameField,
    {
      key: 'fields.projectId',
      kind: 'text',
      required: true,
      label: L.projectId,
      help: { en: 'TRRO project id, e.g. m82k5408n123phvb.', 'zh-CN': 'TRRO 项目 ID，例如 m82k5408n123phvb。' },
      placeholder: 'm82k5408n123phvb',
    },
    {
      key: 'fields.region',
      kind: 'text',
      required: false,
      label: L.region,
      help: { en: 'Optional for TRRO (X-TC-Region).', 'zh-CN': 'TRRO 可不填（X-TC-Region）。' },
      placeholder: 'ap-guangzhou',
    },
    endpointField,
    ...secretFields('tencent-trro'),
  ],
};

/** What `accounts:test` found, each with its own message. */
export const CONNECTION_TEST_KINDS = [
  'ok',
  'bad-credentials',
  'clock-skew',
  'unreachable',
  'timeout',
  'wrong-region',
  'wrong-environment',
  'secret-missing',
  'rate-limited',
  'service',
  'other',
] as const;
/** See {@link CONNECTION_TEST_KINDS}. */
export const ConnectionTestKindSchema = z.enum(CONNECTION_TEST_KINDS);
/** One of {@link CONNECTION_TEST_KINDS}. */
export type ConnectionTestKind = z.infer<typeof ConnectionTestKindSchema>;

/** Input of `accounts:test`. */
export const AccountTestInputSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** Output of `accounts:test`: one cheap signed call, classified. A failed test is a result, not an error. */
export const AccountTestResultSchema = z.object({
  kind: ConnectionTestKindSchema,
  message: LocalizedTextSchema,
  /** Measured offset of our clock from the vendor's, seconds (clock-skew only). */
  offsetSeconds: z.number().nullable(),
  latencyMs: z.number(),
  requestId: z.string().nullable(),
  /** The vendor's own error code, for support tickets. */
  vendorCode: z.string().nullable(),
});
/** See {@link AccountTestResultSchema}. */
export type AccountTestResult = z.infer<typeof AccountTestResultSchema>;
