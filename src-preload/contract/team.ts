import { z } from 'zod';
import { MessageSchema } from './common';

/**
 * Team mode (issue 14): desks of one studio share a ledger and a rate budget on a PostgreSQL server.
 * Nothing here ever holds the server's password.
 */

/** What a failed team connection test found, most specific first. */
export const TEAM_PROBLEMS = ['bad-url', 'unreachable', 'auth-failed', 'tls', 'not-postgres', 'schema-too-new', 'database-missing', 'permission', 'other'] as const;
/** See {@link TEAM_PROBLEMS}. */
export const TeamProblemSchema = z.enum(TEAM_PROBLEMS);
/** One of {@link TEAM_PROBLEMS}. */
export type TeamProblem = z.infer<typeof TeamProblemSchema>;

/** A desk name as the operator types it (Settings → Team, `--desk-name`). */
export const DeskNameSchema = z.string().trim().min(1).max(64);

/**
 * Input of `team:test` and `team:join`: a `postgres://USER@HOST:PORT/DB[?sslmode=…]` URL and the
 * password (kept in the keychain on join; null = the one stored, or `PGPASSWORD`).
 */
export const TeamConnectInputSchema = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  password: z.string().max(1000).nullable().default(null),
});

/** Output of `team:test`: whether this desk can join, and if not, why in the operator's words. */
export const TeamTestResultSchema = z.object({
  ok: z.boolean(),
  problem: TeamProblemSchema.nullable(),
  message: MessageSchema,
  /** `PostgreSQL 15.8 …` when the server answered. */
  serverVersion: z.string().nullable(),
});
/** See {@link TeamTestResultSchema}. */
export type TeamTestResult = z.infer<typeof TeamTestResultSchema>;

/** Input of `team:setDeskName`. */
export const TeamDeskNameInputSchema = z.strictObject({ name: DeskNameSchema });

/** One desk of the team. */
export const TeamDeskSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Last heartbeat the server saw, epoch ms. */
  lastSeenAt: z.number().nullable(),
  online: z.boolean(),
  me: z.boolean(),
});

/** Which desk polls one vendor account key, until when. */
export const TeamLeaseSchema = z.object({
  key: z.string(),
  deskId: z.string(),
  deskName: z.string().nullable(),
  expiresAt: z.number(),
  mine: z.boolean(),
});

/** Output of `team:status` and payload of `team:changed`. */
export const TeamStatusSchema = z.object({
  /** Whether this desk belongs to a team. */
  joined: z.boolean(),
  connected: z.boolean(),
  /** The server, without any password. */
  url: z.string().nullable(),
  deskId: z.string(),
  deskName: z.string(),
  /** Since when a joined desk cannot reach the server (reconnecting); null while connected. */
  since: z.number().nullable(),
  /** Why the last attempt failed, for the header's tooltip. */
  problem: MessageSchema.nullable(),
  desks: z.array(TeamDeskSchema),
  leases: z.array(TeamLeaseSchema),
  /** Vendor account keys this desk polls now (the ones it leads; offline: its own tasks' keys). */
  polls: z.array(z.string()),
  /** Changes made here that the server has not received yet. */
  pending: z.number().int(),
});
/** See {@link TeamStatusSchema}. */
export type TeamStatus = z.infer<typeof TeamStatusSchema>;
