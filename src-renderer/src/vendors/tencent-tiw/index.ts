import type { VendorUi } from '../types';
import TiwOptions from './TiwOptions.vue';
import TiwWhiteboard from './TiwWhiteboard.vue';

/** Tencent TIW online recording's own form parts. */
export const tiwUi: VendorUi = {
  parts: { whiteboard: TiwWhiteboard, options: TiwOptions },
};
