import { TRRO_LIMITS } from '@contract/validate/tencent-trro';

/**
 * What the renderer needs to know about TRRO cloud recording, as data. TRRO has no status query,
 * pause or layout update: the task's progress comes only from callbacks and the local ledger.
 */
export const TRRO_DESCRIPTOR = {
  id: 'tencent-trro',
  name: { en: 'Tencent TRRO cloud recording', 'zh-CN': '腾讯云实时互动-工业能源版云端录制' },
  defaultBaseUrl: 'https://trro.tencentcloudapi.com',
  service: 'trro',
  version: '2022-03-25',
  accountFields: [
    { key: 'projectId', kind: 'text', required: true, label: { en: 'Project ID', 'zh-CN': '项目 ID' }, placeholder: 'm82k5408n123phvb' },
    { key: 'region', kind: 'text', required: false, label: { en: 'Region (optional)', 'zh-CN': '地域（可选）' } },
    { key: 'secretId', kind: 'secret', required: true, label: { en: 'SecretId', 'zh-CN': 'SecretId' } },
    { key: 'secretKey', kind: 'secret', required: true, label: { en: 'SecretKey', 'zh-CN': 'SecretKey' } },
  ],
  secretFields: ['secretId', 'secretKey'],
  capabilities: {
    query: false,
    pause: false,
    resume: false,
    updateLayout: false,
    callbacks: true,
    storageTarget: true,
    mix: false,
    whiteboard: false,
  },
  storageProviders: ['tencent-cos', 'amazon-s3'],
  requestFields: ['roomId', 'output.format', 'output.maxFileDurationMin', 'output.fileNamePrefix', 'maxIdleSec', 'storageTargetId', 'trro'],
  limits: TRRO_LIMITS,
  ratePerSecond: TRRO_LIMITS.ratePerSecond,
} as const;
