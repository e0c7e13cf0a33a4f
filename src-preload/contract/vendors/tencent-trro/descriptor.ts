import { OUTPUT_FORMATS } from '../../output-formats';
import type { VendorDescriptorOf } from '../vendor-contract';
import { trroMsg } from './messages';
import { TRRO_LIMITS, TRRO_OUTPUT_FORMATS, TRRO_STORAGE_VENDORS } from './limits';

/**
 * What the renderer and the core need to know about TRRO cloud recording, as data. TRRO has no status
 * query, pause or layout update (docs/vendors/tencent-trro.md §5): a task's progress comes only from
 * callbacks and the local ledger, so a start counts as recording at once.
 */
export const TRRO_DESCRIPTOR: VendorDescriptorOf<'tencent-trro'> = {
  id: 'tencent-trro',
  name: trroMsg('vendor.tencent-trro.name'),
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
    signedCurl: false,
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
  note: trroMsg('vendor.tencent-trro.note'),
};
