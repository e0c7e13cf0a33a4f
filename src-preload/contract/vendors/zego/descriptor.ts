import type { VendorDescriptorOf } from '../vendor-contract';
import { zegoMsg } from './messages';
import { ZEGO_LAYOUT_MODES, ZEGO_LIMITS, ZEGO_OUTPUT_FORMATS, ZEGO_REGION_KINDS, ZEGO_STORAGE_PROVIDERS } from './limits';

/**
 * What the renderer and the core need to know about ZEGO Cloud Recording, as data: capabilities, the
 * request fields its form shows, defaults, rate limits (docs/vendors/zego.md §4) and the limits the
 * forms enforce.
 */
export const ZEGO_DESCRIPTOR: VendorDescriptorOf<'zego'> = {
  id: 'zego',
  name: zegoMsg('vendor.zego.name'),
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
    legacyImport: true,
    signedCurl: true,
  },
  requestFields: [
    'roomId',
    'mode',
    'streamType',
    'streams',
    'mix',
    'whiteboard.whiteboardId',
    'whiteboard.horizontalRatio',
    'whiteboard.verticalRatio',
    'whiteboard.width',
    'whiteboard.height',
    'whiteboard.backgroundColor',
    'whiteboard.pptAnimation',
    'whiteboard.pptAnimationFps',
    'fill',
    'output.format',
    'output.folder',
    'output.snapshotIntervalSec',
    'output.fragmentSec',
    'maxIdleSec',
    'maxRecordSec',
    'storageTargetId',
    'callbackUrl',
    'zego',
  ],
  storageProviders: [...ZEGO_STORAGE_PROVIDERS],
  storageRequired: ZEGO_LIMITS.storageRequired,
  outputFormats: [...ZEGO_OUTPUT_FORMATS],
  layout: {
    layoutModes: [...ZEGO_LAYOUT_MODES],
    regionKinds: [...ZEGO_REGION_KINDS],
    maxRegions: ZEGO_LIMITS.maxRegions,
    maxWhiteboardRegions: ZEGO_LIMITS.maxWhiteboardRegions,
    maxCanvasSide: ZEGO_LIMITS.maxCanvasSide,
    maxCanvasPixels: ZEGO_LIMITS.maxCanvasPixels,
    minCanvasSide: 1,
  },
  defaults: { outputFormat: 'mp4', mixLayoutMode: 'grid', mixOutputStreamPrefix: 'mix-', maxIdleSec: 30, maxRecordSec: 86_400 },
  afterStart: { state: 'starting', rawStatus: null, noteOnTimeline: false },
  queryWindowDays: 3,
  /** Per AppId (StartRecord/StopRecord: 20 on the test environment). */
  ratePerSecond: { StartRecord: 50, StopRecord: 50, other: 10 },
  limits: { ...ZEGO_LIMITS },
  note: zegoMsg('vendor.zego.note'),
};
