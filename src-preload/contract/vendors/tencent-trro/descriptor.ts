import { OUTPUT_FORMATS } from '../../request-parts';
import type { VendorDescriptorOf } from '../vendor-contract';
import { TRRO_LIMITS, TRRO_OUTPUT_FORMATS, TRRO_STORAGE_VENDORS } from './limits';

/**
 * What the renderer and the core need to know about TRRO cloud recording, as data. TRRO has no status
 * query, pause or layout update (docs/vendors/tencent-trro.md §5): a task's progress comes only from
 * callbacks and the local ledger, so a start counts as recording at once.
 */
export const TRRO_DESCRIPTOR: VendorDescriptorOf<'tencent-trro'> = {
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
    legacyImport: false,
  },
  requestFields: ['roomId', 'output.format', 'output.maxFileDurationMin', 'output.fileNamePrefix', 'maxIdleSec', 'storageTargetId', 'trro'],
  storageProviders: Object.keys(TRRO_STORAGE_VENDORS) as (keyof typeof TRRO_STORAGE_VENDORS)[],
  storageRequired: true,
  outputFormats: OUTPUT_FORMATS.filter((f) => f in TRRO_OUTPUT_FORMATS),
  layout: null,
  defaults: { outputFormat: 'hls', mixLayoutMode: null, mixOutputStreamPrefix: null, maxIdleSec: 30, maxRecordSec: null },
  afterStart: { state: 'recording', rawStatus: 'created', noteOnTimeline: true },
  queryWindowDays: null,
  ratePerSecond: { other: TRRO_LIMITS.ratePerSecond },
  // The segment rule is a RegExp; as data it travels as its source text.
  limits: { ...TRRO_LIMITS, fileNamePrefixSegment: TRRO_LIMITS.fileNamePrefixSegment.source },
  note: {
    en: 'TRRO has no status query: after the start, a task’s state comes only from callbacks. Turn on the callback receiver to follow it.',
    'zh-CN': 'TRRO 没有状态查询接口：启动后任务状态只能通过回调获得。请开启回调接收以跟踪任务。',
  },
};
