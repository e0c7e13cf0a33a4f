import { z } from 'zod';
import { RecordIdSchema, TaskStateSchema } from './common';
import { AppErrorSchema } from './result';
import { TaskSummarySchema } from './tasks';
import { VENDOR_IDS } from './vendors';
import { VendorIdSchema } from './vendors/contracts';

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

/**
 * An export as it runs: the core streams it to a file in chunks. The Electron app writes where the
 * operator chose (`savedTo`); the browser host keeps it in the data folder until the page downloads
 * it (`history:exportDownload`). Files are included; secrets never are. Output of `history:export`
 * and `history:exportCancel`, and the payload of `history:exportChanged`.
 */
export const HistoryExportJobSchema = z.object({
  id: z.string(),
  format: z.enum(['csv', 'json']),
  fileName: z.string(),
  /** `canceled` also when the operator closed the save dialog. */
  state: z.enum(['running', 'done', 'failed', 'canceled']),
  /** Tasks written so far. */
  rows: z.number().int(),
  /** Tasks that matched when the export started. */
  total: z.number().int(),
  /** Where the file was saved (Electron), once done; null in the browser host. */
  savedTo: z.string().nullable(),
  error: AppErrorSchema.nullable(),
});
/** See {@link HistoryExportJobSchema}. */
export type HistoryExportJob = z.infer<typeof HistoryExportJobSchema>;

/** Input of `history:exportCancel` and `history:exportDownload`. */
export const HistoryExportIdInputSchema = z.strictObject({ id: RecordIdSchema });

/** Output of `history:exportDownload`: a same-origin URL that serves the finished file once, within 5 minutes. */
export const HistoryExportDownloadSchema = z.object({ url: z.string() });
