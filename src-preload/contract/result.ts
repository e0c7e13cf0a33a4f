import { z } from 'zod';
import { MessageSchema } from './common';

/**
 * Every error code a channel can answer with.
 *
 * The renderer switches on these, never on message text. Later domains append codes here so the
 * list stays the single vocabulary shared by main, preload and renderer.
 */
export const ERROR_CODES = [
  /** The input failed its zod schema; `details.issues` lists the paths, never the values. */
  'INVALID_INPUT',
  /** The input parsed but a domain rule rejected it; `details.fields` maps field paths to messages. */
  'VALIDATION',
  /** The channel is not in the contract. */
  'UNKNOWN_CHANNEL',
  /** The caller is not the app's own page (wrong frame, origin or token). */
  'UNTRUSTED_SENDER',
  /** A referenced record does not exist. */
  'NOT_FOUND',
  /** The request conflicts with stored state (duplicate name, task already running). */
  'CONFLICT',
  /** The action is not offered by this vendor or in this state. */
  'UNSUPPORTED',
  /** The OS keychain refused or is missing; secrets are kept for this session only. */
  'KEYCHAIN_UNAVAILABLE',
  /** A secret the action needs has not been configured. */
  'SECRET_MISSING',
  /** The local database could not be opened or written. */
  'DATABASE',
  /** The vendor rejected the credentials or signature. */
  'VENDOR_AUTH',
  /** The vendor says our clock is off; `details.offsetSeconds` is the measured skew. */
  'VENDOR_CLOCK_SKEW',
  /** The vendor endpoint could not be reached. */
  'VENDOR_UNREACHABLE',
  /** The vendor did not answer in time; the outcome is unknown. */
  'VENDOR_TIMEOUT',
  /** The vendor throttled us. */
  'VENDOR_RATE_LIMITED',
  /** The vendor rejected a parameter. */
  'VENDOR_INVALID_PARAMETER',
  /** The vendor does not know the task (never existed, or past its query window). */
  'VENDOR_TASK_NOT_FOUND',
  /** The vendor refused the action in the task's current state. */
  'VENDOR_STATE',
  /** The vendor's quota or concurrency limit was hit. */
  'VENDOR_LIMIT',
  /** The vendor account or service is not enabled, expired or unauthorised. */
  'VENDOR_SERVICE',
  /** The vendor answered with something we could not parse. */
  'VENDOR_BAD_RESPONSE',
  /** The vendor reported an internal failure. */
  'VENDOR_INTERNAL',
  /** The team server could not be joined or reached; `details.problem` is a TEAM_PROBLEMS entry. */
  'TEAM',
  /** Anything unexpected. The message never carries a stack, request config or headers. */
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Error half of the {@link Result} envelope. */
export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** English, for logs and scripts driving the host API. */
  message: z.string(),
  /** What the operator reads, in their language, when the thrower wrote it for them (else `message`). */
  text: MessageSchema.optional(),
  retryable: z.boolean().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
/** A plain, serialisable error that crosses process boundaries. */
export type AppError = z.infer<typeof AppErrorSchema>;

/** The envelope every channel answers with: handlers never throw across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Builds the success half of {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds the error half of {@link Result}. */
export function err<T = never>(
  code: ErrorCode,
  message: string,
  extra: { retryable?: boolean; details?: Record<string, unknown> } = {},
): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}

/** zod schema of a {@link Result} carrying `value`. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}
