import type { VendorUi } from '../types';
import TrroRoomFields from './TrroRoomFields.vue';

/** Tencent TRRO cloud recording's own form part: which video stream of the device. */
export const trroUi: VendorUi = {
  parts: { room: TrroRoomFields },
};
