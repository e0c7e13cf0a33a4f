import type { VendorDescriptor } from '@contract';
import { TRRO_LIMITS } from '@contract/validate/tencent-trro';

/** TencentCloud API 3.0 coordinates of TRRO cloud recording. */
export const TRRO_API = { defaultBaseUrl: 'https://trro.tencentcloudapi.com', service: 'trro', version: '2022-03-25' } as const;

/**
 * What the renderer needs to know about TRRO cloud recording, as data. TRRO has no status query,
 * pause or layout update: a task's progress comes only from callbacks and the local ledger.
 */
export const TRRO_DESCRIPTOR: VendorDescriptor = {
  id: 'tencent-trro',
  name: { en: 'Tencent TRRO cloud recording', 'zh-CN': '腾讯云实时互动-工业能源版云端录制' },
  capabilities: {
    query: false,
    listTasks: false,
    pause: false,
    resume: false,
    updateLayout: false,
    updateWhiteboard: false,
    snapshot: false,
    callbacks: true,
    storageTarget: true,
    mix: false,
    whiteboard: false,
    idempotencyKey: false,
  },
  requestFields: ['roomId', 'output.format', 'output.maxFileDurationMin', 'output.fileNamePrefix', 'maxIdleSec', 'storageTargetId', 'trro'],
  storageProviders: ['tencent-cos', 'amazon-s3'],
  queryWindowDays: null,
  ratePerSecond: { other: TRRO_LIMITS.ratePerSecond },
  // The segment rule is a RegExp; as data it travels as its source text.
  limits: { ...TRRO_LIMITS, fileNamePrefixSegment: TRRO_LIMITS.fileNamePrefixSegment.source },
  note: {
    en: 'TRRO has no status query: after the start, a task’s state comes only from callbacks. Turn on the callback receiver to follow it.',
    'zh-CN': 'TRRO 没有状态查询接口：启动后任务状态只能通过回调获得。请开启回调接收以跟踪任务。',
  },
};
