import { TIW_LIMITS, validateTiwRequest } from '@contract/validate/tencent-tiw';
import { mergeLimits } from '../limits';
import type { VendorUi } from '../types';
import TiwOptions from './TiwOptions.vue';
import TiwWhiteboard from './TiwWhiteboard.vue';

/** Tencent TIW online recording in the renderer. */
export const tiwUi: VendorUi = {
  accountDefaults: {},
  defaultFormat: 'mp4',
  defaultMix: () => ({ layoutMode: 'tiw-model-1', outputStreamId: null }),
  outputFormats: () => ['mp4'],
  layout(raw) {
    const l = mergeLimits(TIW_LIMITS, raw);
    return {
      layoutModes: l.layoutModes,
      regionKinds: l.layout.regionKinds,
      maxRegions: l.layout.maxRegions,
      maxWhiteboardRegions: l.layout.maxWhiteboardRegions,
      maxCanvasSide: l.layoutSize.max,
      maxCanvasPixels: null,
      minCanvasSide: l.layoutSize.min,
      bigStream: false,
      outputStream: false,
    };
  },
  validate: (request, raw) => validateTiwRequest(request, mergeLimits(TIW_LIMITS, raw)),
  legacyImport: false,
  hiddenFields: [],
  parts: { whiteboard: TiwWhiteboard, options: TiwOptions },
};
