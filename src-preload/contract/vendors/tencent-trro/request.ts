import { z } from 'zod';

/** TRRO's own request options, `trro` in the normalized request: the device's video stream number (VideoStreamId). */
export const TrroRequestOptionsSchema = z.object({ videoStreamId: z.number().int().min(0).default(0) }).prefault({});
/** See {@link TrroRequestOptionsSchema}. */
export type TrroRequestOptions = z.infer<typeof TrroRequestOptionsSchema>;
