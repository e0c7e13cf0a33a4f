import { VENDOR_CONTRACTS, VENDOR_IDS, type StorageTargetShape, type FieldIssue, type RecordingRequest, type VendorDescriptor, type VendorId } from '@contract';

/** Every vendor's descriptor, straight from the contract (the same data the core answers `vendors:list` with). */
export const VENDOR_DESCRIPTORS: readonly VendorDescriptor[] = VENDOR_IDS.map((id) => VENDOR_CONTRACTS[id].descriptor);

/** The descriptor of `vendor`, or null when none is chosen. */
export function descriptorOf(vendor: VendorId | null | undefined): VendorDescriptor | null {
  return vendor ? VENDOR_CONTRACTS[vendor].descriptor : null;
}

/** The vendor's own validator with its documented limits: the very function the core runs before a start. */
export function validateFor(vendor: VendorId, request: RecordingRequest, storage: StorageTargetShape | null): FieldIssue[] {
  return VENDOR_CONTRACTS[vendor].validate(request, storage);
}
