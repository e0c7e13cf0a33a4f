import { VENDOR_CONTRACTS, type FieldIssue, type RecordingRequest, type StorageTargetShape, type VendorId } from '@contract';

/**
 * The vendor's own validator with its documented limits: the very function the core runs before a
 * start. Apart from `descriptors.ts` because it loads the contract's schemas, which only the views
 * that edit a request need.
 */
export function validateFor(vendor: VendorId, request: RecordingRequest, storage: StorageTargetShape | null): FieldIssue[] {
  return VENDOR_CONTRACTS[vendor].validate(request, storage);
}
