import { z } from 'zod';
import { MessageSchema } from './common';

/** Which host runs the core: the Electron app or the loopback browser host. */
export const HostKindSchema = z.enum(['electron', 'web']);
/** See {@link HostKindSchema}. */
export type HostKind = z.infer<typeof HostKindSchema>;

/** Where secrets live this session. */
export const KeychainStatusSchema = z.object({
  /** `keytar` = the OS keychain; `session` = memory only, lost when the app quits. */
  backend: z.enum(['keytar', 'session']),
  /** True while the OS keychain answers; false means session-only mode, or a keychain lost mid-session, and a banner. */
  available: z.boolean(),
  /** Why the keychain is unavailable, phrased for the operator; absent when available. */
  reason: MessageSchema.optional(),
});
/**
 * See {@link KeychainStatusSchema}. Also the payload of `app:keychainChanged`, sent when the keychain
 * stops answering mid-session (or answers again), so the page can show or drop its banner.
 */
export type KeychainStatus = z.infer<typeof KeychainStatusSchema>;

/** Output of `app:info`. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKindSchema,
  dataDir: z.string(),
  keychain: KeychainStatusSchema,
  platform: z.string(),
  nodeVersion: z.string(),
  /** Base URL of the in-process Sandbox emulator, or null when it is off. */
  sandboxUrl: z.string().nullable(),
});
/** See {@link AppInfoSchema}. */
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Input of `app:ping`. */
export const PingInputSchema = z.strictObject({ echo: z.string().max(256).optional() });
/** Output of `app:ping`: the core's clock and the echoed text. */
export const PingOutputSchema = z.object({ pong: z.literal(true), at: z.number(), echo: z.string().optional() });

/** Payload of the `app:pinged` event, emitted after every ping so the event path can be observed end to end. */
export const PingedEventSchema = z.object({ at: z.number() });
