import type { VendorDescriptor } from '@contract';
import { TIW_LIMITS } from '@contract/validate/tencent-tiw';

/** TencentCloud API 3.0 coordinates of TIW online recording. */
export const TIW_API = { defaultBaseUrl: 'https://tiw.tencentcloudapi.com', service: 'tiw', version: '2019-09-19' } as const;

/**
 * What the renderer needs to know about TIW online recording, as data: capabilities, request fields
 * and limits. Account fields live in the contract's `ACCOUNT_FORMS`. TIW uploads to its own VOD, so
 * it takes no storage target.
 */
export const TIW_DESCRIPTOR: VendorDescriptor = {
  id: 'tencent-tiw',
  name: { en: 'Tencent TIW online recording', 'zh-CN': '腾讯云互动白板实时录制' },
  capabilities: {
    query: true,
    listTasks: false,
    pause: true,
    resume: true,
    updateLayout: false,
    updateWhiteboard: false,
    snapshot: false,
    callbacks: true,
    storageTarget: false,
    mix: true,
    whiteboard: true,
    idempotencyKey: false,
  },
  requestFields: ['roomId', 'mode', 'streams', 'mix', 'whiteboard', 'maxIdleSec', 'callbackUrl', 'tiw'],
  storageProviders: [],
  queryWindowDays: null,
  ratePerSecond: { other: TIW_LIMITS.ratePerSecond },
  limits: { ...TIW_LIMITS },
  note: null,
};
