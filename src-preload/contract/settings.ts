import { z } from 'zod';

/** Settings the operator changes in Settings (the core keeps them in SQLite). */
export const CoreSettingsSchema = z.object({
  /** Delete finished tasks older than this many days; null = keep forever. */
  retentionDays: z.number().int().min(1).max(3650).nullable(),
  /** Polling pace: `gentle` uses half the spare rate, `normal` all of it (always within vendor limits). */
  polling: z.enum(['gentle', 'normal']),
  /** The callback receiver (off by default). */
  callbacks: z.object({ enabled: z.boolean(), port: z.number().int().min(0).max(65535) }),
});
/** See {@link CoreSettingsSchema}. */
export type CoreSettings = z.infer<typeof CoreSettingsSchema>;

/** Output of `callbacks:status`: the local receiver, off by default. */
export const CallbackStatusSchema = z.object({
  enabled: z.boolean(),
  /** Where the receiver listens (127.0.0.1), for the operator's tunnel; null when off. */
  url: z.string().nullable(),
  received: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
});
