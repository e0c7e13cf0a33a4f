import type { VendorDescriptor } from '@contract';
import { STORAGE_PROVIDERS, STORAGE_PROVIDER_INFO } from '@contract/storage';
import { ZEGO_LIMITS } from '@contract/validate/zego';

/**
 * What the renderer needs to know about ZEGO Cloud Recording, as data: capabilities, the request
 * fields its form shows, rate limits and the limits the forms enforce. Account fields live in the
 * contract's `ACCOUNT_FORMS`.
 */
export const ZEGO_DESCRIPTOR: VendorDescriptor = {
  id: 'zego',
  name: { en: 'ZEGO Cloud Recording', 'zh-CN': '即构云端录制' },
  capabilities: {
    query: true,
    listTasks: true,
    pause: true,
    resume: true,
    updateLayout: true,
    updateWhiteboard: true,
    snapshot: true,
    callbacks: true,
    storageTarget: true,
    mix: true,
    whiteboard: true,
    idempotencyKey: true,
  },
  requestFields: ['roomId', 'mode', 'streamType', 'streams', 'mix', 'whiteboard', 'fill', 'output', 'maxIdleSec', 'maxRecordSec', 'storageTargetId', 'callbackUrl', 'zego'],
  storageProviders: STORAGE_PROVIDERS.filter((p) => (STORAGE_PROVIDER_INFO[p].vendors as readonly string[]).includes('zego')),
  queryWindowDays: 3,
  /** Per AppId (StartRecord/StopRecord: 20 on the test environment). */
  ratePerSecond: { StartRecord: 50, StopRecord: 50, other: 10 },
  limits: { ...ZEGO_LIMITS },
  note: {
    en: 'Pause, resume, layout updates and snapshots apply to mixed-stream tasks only. ZEGO answers status queries for 3 days.',
    'zh-CN': '暂停、恢复、更新布局和截图仅适用于混流录制任务。ZEGO 只能查询 3 天内的任务状态。',
  },
};
