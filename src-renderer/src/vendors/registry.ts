import type { VendorId } from '@contract';
import { tiwUi } from './tencent-tiw';
import { trroUi } from './tencent-trro';
import type { VendorUi } from './types';
import { zegoUi } from './zego';

/** Every vendor's renderer module; adding a vendor adds one line. */
const VENDOR_UI: { readonly [V in VendorId]: VendorUi } = {
  zego: zegoUi,
  'tencent-tiw': tiwUi,
  'tencent-trro': trroUi,
};

/** The renderer module of `vendor`. */
export function vendorUi(vendor: VendorId): VendorUi {
  return VENDOR_UI[vendor];
}
