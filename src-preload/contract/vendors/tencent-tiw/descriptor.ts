import type { VendorDescriptorOf } from '../vendor-contract';
import { tiwMsg } from './messages';
import { TIW_LAYOUT_MODES, TIW_LIMITS, TIW_REGION_KINDS } from './limits';

/**
 * What the renderer and the core need to know about TIW online recording, as data: capabilities,
 * request fields, defaults and limits (docs/vendors/tencent-tiw.md §2, §3). TIW uploads to its own
 * VOD, so it takes no storage target.
 */
export const TIW_DESCRIPTOR: VendorDescriptorOf<'tencent-tiw'> = {
  id: 'tencent-tiw',
  name: tiwMsg('vendor.tencent-tiw.name'),
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
    legacyImport: false,
    signedCurl: false,
  },
  requestFields: [
    'roomId',
    'mode',
    'streams',
    'mix.layoutMode',
    'mix.regions',
    'mix.width',
    'mix.height',
    'mix.backgroundColor',
    'whiteboard.width',
    'whiteboard.height',
    'whiteboard.initParam',
    'maxIdleSec',
    'callbackUrl',
    'tiw',
  ],
  storageProviders: [],
  storageRequired: false,
  outputFormats: ['mp4'],
  layout: {
    layoutModes: [...TIW_LAYOUT_MODES],
    regionKinds: [...TIW_REGION_KINDS],
    maxRegions: TIW_LIMITS.layout.maxRegions,
    maxWhiteboardRegions: TIW_LIMITS.layout.maxWhiteboardRegions,
    maxCanvasSide: TIW_LIMITS.layoutSize.max,
    maxCanvasPixels: null,
    minCanvasSide: TIW_LIMITS.layoutSize.min,
  },
  defaults: { outputFormat: 'mp4', mixLayoutMode: 'tiw-model-1', mixOutputStreamPrefix: null, maxIdleSec: 300, maxRecordSec: null },
  afterStart: { state: 'starting', rawStatus: null, noteOnTimeline: false },
  queryWindowDays: null,
  ratePerSecond: { other: TIW_LIMITS.ratePerSecond },
  limits: { ...TIW_LIMITS },
  note: null,
};
