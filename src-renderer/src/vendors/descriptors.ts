import type { VendorDescriptor, VendorId } from '@contract';
import { VENDOR_IDS, VENDOR_PROFILES } from '@contract/vendors';

/**
 * Every vendor's descriptor, straight from the contract's vendor profiles (the same data the core
 * answers `vendors:list` with). Profiles load no validator, so the first paint can read them.
 */
export const VENDOR_DESCRIPTORS: readonly VendorDescriptor[] = VENDOR_IDS.map((id) => VENDOR_PROFILES[id].descriptor);

/** The descriptor of `vendor`, or null when none is chosen. */
export function descriptorOf(vendor: VendorId | null | undefined): VendorDescriptor | null {
  return vendor ? VENDOR_PROFILES[vendor].descriptor : null;
}
