import { z } from 'zod';

/**
 * ZEGO's own request options, `zego` in the normalized request (docs/vendors/zego.md §4.1): muted
 * audio handling of audio-only mp3 recordings, real-time HLS upload, and the test environment.
 */
export const ZegoRequestOptionsSchema = z
  .object({
    recordMuteAudio: z.boolean().nullable().default(null),
    muteSplitThresholdSec: z.number().int().nullable().default(null),
    realtimeUploadFragment: z.boolean().default(false),
    isTest: z.boolean().nullable().default(null),
  })
  .prefault({});
/** See {@link ZegoRequestOptionsSchema}. */
export type ZegoRequestOptions = z.infer<typeof ZegoRequestOptionsSchema>;
