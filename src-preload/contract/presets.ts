import { z } from 'zod';
import { RecordingRequestSchema } from './recording';
import { VendorIdSchema } from './vendors/contracts';

/** A saved request. The storage target is referenced by id, never its keys. */
export const PresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: VendorIdSchema,
  accountId: z.string().nullable(),
  request: RecordingRequestSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
/** See {@link PresetSchema}. */
export type Preset = z.infer<typeof PresetSchema>;

/** Input of `presets:save` (new when `id` is absent). */
export const PresetSaveInputSchema = z.strictObject({
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(64),
  vendor: VendorIdSchema,
  accountId: z.string().max(64).nullable(),
  request: RecordingRequestSchema,
});
