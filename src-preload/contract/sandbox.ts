import { z } from 'zod';
import { VENDOR_IDS } from './vendors';

/** Input of `sandbox:control`: drive the in-process Sandbox (publish a stream, inject a fault). */
export const SandboxControlInputSchema = z.strictObject({
  vendor: z.enum([...VENDOR_IDS, 'clock', 'faults']),
  command: z.string().min(1).max(64),
  input: z.record(z.string(), z.unknown()).default({}),
});
