import type { VendorDescriptor, VendorId } from '@contract';
import type { VendorAdapter } from './adapter';
import { tiwAdapter } from './tencent-tiw/adapter';
import { trroAdapter } from './tencent-trro/adapter';
import { zegoAdapter } from './zego/adapter';

/** Every vendor RecDeck speaks, one line each; a vendor id without an adapter is a type error. */
export const VENDOR_ADAPTERS = {
  zego: zegoAdapter,
  'tencent-tiw': tiwAdapter,
  'tencent-trro': trroAdapter,
} satisfies { [V in VendorId]: VendorAdapter<V> };

/** Every vendor's descriptor, in registry order (`vendors:list`). */
export function vendorDescriptors(): VendorDescriptor[] {
  return Object.values(VENDOR_ADAPTERS).map((a) => a.descriptor);
}

/** The adapter of one vendor, untyped by account. */
export function adapterOf(vendor: VendorId): VendorAdapter {
  return VENDOR_ADAPTERS[vendor] as VendorAdapter;
}
