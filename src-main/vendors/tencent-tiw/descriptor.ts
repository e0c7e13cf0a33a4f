import { TIW_LIMITS } from '@contract/validate/tencent-tiw';

/**
 * What the renderer needs to know about TIW online recording, as data: account fields (secret ones
 * are write-only), capabilities, and the limits the forms enforce.
 */
export const TIW_DESCRIPTOR = {
  id: 'tencent-tiw',
  name: { en: 'Tencent TIW online recording', 'zh-CN': '腾讯云互动白板实时录制' },
  defaultBaseUrl: 'https://tiw.tencentcloudapi.com',
  service: 'tiw',
  version: '2019-09-19',
  accountFields: [
    { key: 'sdkAppId', kind: 'number', required: true, label: { en: 'SdkAppId', 'zh-CN': 'SdkAppId' } },
    { key: 'region', kind: 'text', required: true, label: { en: 'Region', 'zh-CN': '地域' }, placeholder: 'ap-singapore' },
    { key: 'secretId', kind: 'secret', required: true, label: { en: 'SecretId', 'zh-CN': 'SecretId' } },
    { key: 'secretKey', kind: 'secret', required: true, label: { en: 'SecretKey', 'zh-CN': 'SecretKey' } },
    {
      key: 'sdkSecretKey',
      kind: 'secret',
      required: false,
      label: { en: 'IM SDK secret key (to generate RecordUserSig)', 'zh-CN': 'IM SDK 密钥（用于生成 RecordUserSig）' },
    },
  ],
  secretFields: ['secretId', 'secretKey', 'sdkSecretKey'],
  capabilities: {
    query: true,
    pause: true,
    resume: true,
    updateLayout: false,
    callbacks: true,
    storageTarget: false,
    mix: true,
    whiteboard: true,
  },
  /** Normalized request fields the form shows for this vendor. */
  requestFields: ['roomId', 'mode', 'streams', 'mix', 'whiteboard', 'maxIdleSec', 'callbackUrl', 'tiw'],
  limits: TIW_LIMITS,
  ratePerSecond: TIW_LIMITS.ratePerSecond,
} as const;
