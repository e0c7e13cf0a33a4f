import { TRRO_LIMITS, validateTrroRequest } from '@contract/validate/tencent-trro';
import { mergeLimits } from '../limits';
import type { VendorUi } from '../types';
import TrroRoomFields from './TrroRoomFields.vue';

/** Tencent TRRO cloud recording in the renderer: single streams of one device, no mixing. */
export const trroUi: VendorUi = {
  accountDefaults: {},
  defaultFormat: 'hls',
  defaultMix: () => ({ layoutMode: 'grid', outputStreamId: null }),
  outputFormats: (raw) => Object.keys(mergeLimits(TRRO_LIMITS, raw).outputFormats),
  layout: () => null,
  validate: (request, raw) => validateTrroRequest(request, mergeLimits(TRRO_LIMITS, raw)),
  legacyImport: false,
  hiddenFields: [],
  parts: { room: TrroRoomFields },
};
