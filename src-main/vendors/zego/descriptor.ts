import { ZEGO_LIMITS } from '@contract/validate/zego';
import { ZEGO_REGION_HOSTS } from '@contract/accounts';

/**
 * What the renderer needs to know about ZEGO Cloud Recording, as data: account fields (secret ones
 * are write-only), capabilities, rate limits and the limits the forms enforce.
 */
export const ZEGO_DESCRIPTOR = {
  id: 'zego',
  name: { en: 'ZEGO Cloud Recording', 'zh-CN': '即构云端录制' },
  defaultBaseUrl: 'https://cloudrecord-api.zego.im',
  regionHosts: ZEGO_REGION_HOSTS,
  accountFields: [
    { key: 'appId', kind: 'number', required: true, label: { en: 'AppID', 'zh-CN': 'AppID' } },
    { key: 'serverSecret', kind: 'secret', required: true, label: { en: 'ServerSecret', 'zh-CN': 'ServerSecret' } },
    { key: 'isTest', kind: 'boolean', required: false, label: { en: 'Test environment (IsTest)', 'zh-CN': '测试环境（IsTest）' } },
  ],
  secretFields: ['serverSecret'],
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
  /** Normalized request fields the form shows for this vendor. */
  requestFields: ['roomId', 'mode', 'streamType', 'streams', 'mix', 'whiteboard', 'fill', 'output', 'maxIdleSec', 'maxRecordSec', 'storageTargetId', 'callbackUrl', 'zego'],
  /** Days back the status queries reach. */
  queryWindowDays: 3,
  /** Requests per second per AppId (StartRecord/StopRecord: 20 on the test environment). */
  ratePerSecond: { StartRecord: 50, StopRecord: 50, other: 10 },
  limits: ZEGO_LIMITS,
} as const;
