import { z } from 'zod';
import { MessageSchema } from './common';
import { TaskSummarySchema } from './tasks';
import { VendorIdSchema } from './vendors/contracts';

/** Payloads of the core → renderer events (`app:pinged`'s lives in app.ts, beside the ping it answers). */

/** Payload of `accounts:changed`: which list changed, so other windows refresh. */
export const AccountsChangedEventSchema = z.object({ kind: z.enum(['account', 'storage', 'secret']) });

/** Payload of `tasks:changed`: the tasks that changed since the last batch (at most 10 batches a second). */
export const TasksChangedEventSchema = z.object({ tasks: z.array(TaskSummarySchema), removed: z.array(z.string()) });

/** Payload of `tasks:alerted`: something the operator must hear about now. */
export const TaskAlertEventSchema = z.object({
  taskId: z.string(),
  /** The recording it is about, as the operator knows it: room, vendor and account. */
  roomId: z.string(),
  vendor: VendorIdSchema,
  accountName: z.string(),
  kind: z.enum(['still-running', 'failed', 'ended-unexpectedly', 'upload-failed', 'lost']),
  message: MessageSchema,
  at: z.number(),
});
/** See {@link TaskAlertEventSchema}. */
export type TaskAlert = z.infer<typeof TaskAlertEventSchema>;

/** How one account's status reads fare: whether its vendor answers, and how much of its rate is in use. */
export const AccountHealthSchema = z.object({
  accountId: z.string(),
  /**
   * `ok`: it answers. `failing`: it answers, but with an error for several reads in a row.
   * `unreachable`: no answer; its polling is paused and one request at a time probes it. Every other
   * account keeps polling either way.
   */
  state: z.enum(['ok', 'failing', 'unreachable']),
  /** Since when it is failing or unreachable; null while ok. */
  since: z.number().nullable(),
  /** Last read this session that the vendor answered without error; null = none yet. */
  lastOkAt: z.number().nullable(),
  /** Share of the vendor's rate used in the last second on the account's busiest lane, 0–1, the operator's calls included. */
  load: z.number(),
  /** Last time the vendor throttled a read of this account this session; null = never. */
  throttledAt: z.number().nullable(),
  /** Tasks of this account whose status is being read. */
  tasks: z.number().int(),
});
/** See {@link AccountHealthSchema}. */
export type AccountHealth = z.infer<typeof AccountHealthSchema>;

/** Payload of `scheduler:changed` and output of `scheduler:status`: status polling, account by account. */
export const SchedulerStatusSchema = z.object({
  /** Tasks whose status is being read. */
  activeTasks: z.number().int(),
  /** Every account with tasks to read or a task list to sweep, by account id. */
  accounts: z.array(AccountHealthSchema),
  /**
   * Present while the launch reconciles the tasks an earlier run left open (polling already runs for
   * those it has checked): how many of them it has checked so far.
   */
  recovery: z.object({ checked: z.number().int(), total: z.number().int() }).optional(),
});
/** See {@link SchedulerStatusSchema}. */
export type SchedulerStatus = z.infer<typeof SchedulerStatusSchema>;
