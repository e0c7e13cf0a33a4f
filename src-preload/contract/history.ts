import { z } from 'zod';
import { TaskStateSchema, TaskSummarySchema } from './tasks';
import { VENDOR_IDS, VendorIdSchema } from './vendors';

/** Sortable history columns. */
export const HISTORY_SORT_FIELDS = ['createdAt', 'startedAt', 'endedAt', 'updatedAt', 'roomId', 'state', 'vendor', 'accountName'] as const;

/** Input of `history:query`. */
export const HistoryQuerySchema = z.strictObject({
  vendors: z.array(VendorIdSchema).max(VENDOR_IDS.length).default([]),
  accountIds: z.array(z.string().max(64)).max(100).default([]),
  room: z.string().max(256).nullable().default(null),
  states: z.array(TaskStateSchema).max(8).default([]),
  /** createdAt range, epoch ms, inclusive. */
  from: z.number().nullable().default(null),
  to: z.number().nullable().default(null),
  /** Free text over room, task ids, stream ids and file names. */
  text: z.string().max(256).nullable().default(null),
  sort: z.enum(HISTORY_SORT_FIELDS).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
/** See {@link HistoryQuerySchema}. */
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

/** Output of `history:query`. */
export const HistoryPageSchema = z.object({ rows: z.array(TaskSummarySchema), total: z.number().int() });
/** See {@link HistoryPageSchema}. */
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

/** Input of `history:export`: every task matching the query (offset and limit ignored). */
export const HistoryExportInputSchema = z.strictObject({ format: z.enum(['csv', 'json']), query: HistoryQuerySchema.prefault({}) });
/** Output of `history:export`. Files are included; secrets never are. */
export const HistoryExportSchema = z.object({ fileName: z.string(), mime: z.string(), content: z.string(), rows: z.number().int() });
