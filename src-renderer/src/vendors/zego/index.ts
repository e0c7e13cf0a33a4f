import { ZEGO_LIMITS, validateZegoRequest } from '@contract/validate/zego';
import { mergeLimits } from '../limits';
import type { VendorUi } from '../types';
import ZegoOptions from './ZegoOptions.vue';
import ZegoWhiteboard from './ZegoWhiteboard.vue';

/** ZEGO Cloud Recording in the renderer. */
export const zegoUi: VendorUi = {
  accountDefaults: { environment: 'production', 'fields.regionHost': 'cloudrecord-api.zego.im' },
  defaultFormat: 'mp4',
  // ZEGO publishes the mix as a stream; naming it after the room keeps it recognisable.
  defaultMix: (roomId) => ({ layoutMode: 'grid', outputStreamId: `mix-${roomId.trim() || 'room'}` }),
  outputFormats: (raw) => mergeLimits(ZEGO_LIMITS, raw).formats,
  layout(raw) {
    const l = mergeLimits(ZEGO_LIMITS, raw);
    return {
      layoutModes: l.layoutModes,
      regionKinds: l.regionKinds,
      maxRegions: l.maxRegions,
      maxWhiteboardRegions: l.maxWhiteboardRegions,
      maxCanvasSide: l.maxCanvasSide,
      maxCanvasPixels: l.maxCanvasPixels,
      minCanvasSide: 1,
      bigStream: true,
      outputStream: true,
    };
  },
  validate: (request, raw, storage) => validateZegoRequest(request, storage, mergeLimits(ZEGO_LIMITS, raw)),
  legacyImport: true,
  hiddenFields: ['output.maxFileDurationMin', 'output.fileNamePrefix'],
  parts: { whiteboard: ZegoWhiteboard, options: ZegoOptions },
};
