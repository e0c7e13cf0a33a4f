import { z } from 'zod';
import { MessageSchema } from './messages/message';
import { TaskSummarySchema } from './tasks';

/** Payloads of the core → renderer events (`app:pinged`'s lives in app.ts, beside the ping it answers). */

/** Payload of `accounts:changed`: which list changed, so other windows refresh. */
export const AccountsChangedEventSchema = z.object({ kind: z.enum(['account', 'storage', 'secret']) });

/** Payload of `tasks:changed`: the tasks that changed since the last batch (at most 10 batches a second). */
export const TasksChangedEventSchema = z.object({ tasks: z.array(TaskSummarySchema), removed: z.array(z.string()) });

/** Payload of `tasks:alerted`: something the operator must hear about now. */
export const TaskAlertEventSchema = z.object({
  taskId: z.string(),
  kind: z.enum(['still-running', 'failed', 'ended-unexpectedly', 'upload-failed', 'lost']),
  message: MessageSchema,
  at: z.number(),
});
/** See {@link TaskAlertEventSchema}. */
export type TaskAlert = z.infer<typeof TaskAlertEventSchema>;

/** Payload of `scheduler:changed`: whether status polling runs, and since when it cannot reach vendors. */
export const SchedulerStatusSchema = z.object({
  online: z.boolean(),
  offlineSince: z.number().nullable(),
  activeTasks: z.number().int(),
  /**
   * Present while the launch reconciles the tasks an earlier run left open (polling already runs for
   * those it has checked): how many of them it has checked so far.
   */
  recovery: z.object({ checked: z.number().int(), total: z.number().int() }).optional(),
});
/** See {@link SchedulerStatusSchema}. */
export type SchedulerStatus = z.infer<typeof SchedulerStatusSchema>;
