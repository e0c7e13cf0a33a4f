import type { VendorUi } from '../types';
import ZegoOptions from './ZegoOptions.vue';
import ZegoWhiteboard from './ZegoWhiteboard.vue';

/** ZEGO Cloud Recording's own form parts. */
export const zegoUi: VendorUi = {
  parts: { whiteboard: ZegoWhiteboard, options: ZegoOptions },
};
