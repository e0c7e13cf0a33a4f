import type { z } from 'zod';
import { RecordingRequestBaseSchema } from './request-parts';
import { VENDOR_IDS, type VendorId } from './vendors';
import { VENDOR_CONTRACTS, type VendorContracts } from './vendors/contracts';

export * from './request-parts';

/** Each vendor's own options under its key (zego, tiw, trro), as the vendor modules define them. */
type VendorOptionsShape = { [V in VendorId as VendorContracts[V]['request']['key']]: VendorContracts[V]['request']['options'] };

const VENDOR_OPTIONS = Object.fromEntries(VENDOR_IDS.map((v) => [VENDOR_CONTRACTS[v].request.key, VENDOR_CONTRACTS[v].request.options])) as VendorOptionsShape;

/**
 * RecDeck's normalized recording request: the shared fields, then every vendor's own options under
 * its key. Each vendor adapter maps it to its own body and ignores what it has no use for.
 */
export const RecordingRequestSchema = RecordingRequestBaseSchema.extend(VENDOR_OPTIONS);
/** The parsed request, every default filled in. */
export type RecordingRequest = z.infer<typeof RecordingRequestSchema>;
/** The request as a caller may write it. */
export type RecordingRequestInput = z.input<typeof RecordingRequestSchema>;
