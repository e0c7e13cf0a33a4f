import { z } from 'zod';
import { RecordIdSchema, TaskStateSchema } from './common';
import { VendorIdSchema } from './vendors/contracts';

/**
 * Foreign tasks: recordings a sweep of a vendor's task list found on an account that RecDeck did not
 * start (a script, another desk, a start whose answer was lost long ago). They run, and bill, with
 * nobody watching until the operator adopts or dismisses them.
 */

/** A task in progress at the vendor that is not in the ledger. */
export const ForeignTaskSchema = z.object({
  /** RecDeck's id for it (not the vendor's). */
  id: z.string(),
  vendor: VendorIdSchema,
  /** The account whose task list showed it. */
  accountId: z.string(),
  accountName: z.string(),
  vendorTaskId: z.string(),
  roomId: z.string(),
  /** When the vendor says it began, epoch ms. */
  startedAt: z.number().nullable(),
  /** What the vendor's list says (starting, recording or paused), and its own status value. */
  state: TaskStateSchema,
  rawStatus: z.string(),
  firstSeenAt: z.number(),
  /** Last sweep that listed it. */
  lastSeenAt: z.number(),
  /** The operator dismissed it: it leaves Live's list and waits under "dismissed, still running" while it runs. */
  dismissed: z.boolean(),
});
/** See {@link ForeignTaskSchema}. */
export type ForeignTask = z.infer<typeof ForeignTaskSchema>;

/** Input of `foreign:adopt`. */
export const ForeignIdInputSchema = z.strictObject({ id: RecordIdSchema });

/** Input of `foreign:dismiss`: `dismissed: false` brings a dismissed task back into Live's list. */
export const ForeignDismissInputSchema = z.strictObject({ id: RecordIdSchema, dismissed: z.boolean().default(true) });

/** Payload of `foreign:changed`: every foreign task still running, dismissed ones included (the latest list wins). */
export const ForeignChangedEventSchema = z.object({ tasks: z.array(ForeignTaskSchema) });

/**
 * Input of `tasks:watch`: the operator is looking at the task (its detail is open), so its status is
 * read every 2 s; a watch lapses 30 s after the last call, and `watching: false` ends it at once.
 */
export const TaskWatchInputSchema = z.strictObject({ id: RecordIdSchema, watching: z.boolean().default(true) });

/** Output of `tasks:watch`: until when the watch holds (null once ended). */
export const TaskWatchSchema = z.object({ until: z.number().nullable() });
