import { z } from 'zod';
import { RecordingFileSchema, TaskStateSchema, VendorIdSchema } from '@contract';

/**
 * What travels through the team server, one JSON body per change. Every body is checked on arrival:
 * the server is shared, and a row this build cannot read is skipped (and logged), never half-applied.
 */

/** One change as the server's log holds it. */
export interface ServerChange {
  seq: number;
  uid: string;
  deskId: string;
  kind: string;
  entity: string;
  body: string;
}

const nullableNumber = z.number().nullable();

export const TaskWireSchema = z.object({
  id: z.string().min(1),
  vendor: VendorIdSchema,
  accountId: z.string().nullable(),
  accountName: z.string(),
  roomId: z.string(),
  vendorTaskId: z.string().nullable(),
  startKey: z.string(),
  mode: z.enum(['single', 'mixed']),
  state: TaskStateSchema,
  rawStatus: z.string(),
  request: z.record(z.string(), z.unknown()),
  storageTargetId: z.string().nullable(),
  presetId: z.string().nullable(),
  streamIds: z.string(),
  createdAt: z.number(),
  startedAt: nullableNumber,
  endedAt: nullableNumber,
  updatedAt: z.number(),
  lastSeenAt: nullableNumber,
  forgotten: z.boolean(),
  finishReason: z.string().nullable(),
  error: z.unknown(),
  extra: z.record(z.string(), z.unknown()),
  deskId: z.string().nullable(),
  stateAt: z.number(),
  files: z.array(RecordingFileSchema),
});

/** The leader's reads of tasks, batched: `[task id, last seen at]`. */
export const SeenWireSchema = z.object({ tasks: z.array(z.tuple([z.string(), z.number()])) });

/** A preset, account or storage target row (columns by name), or its deletion. */
export const RowWireSchema = z.union([
  z.object({ id: z.string().min(1), deleted: z.literal(true) }),
  z.record(z.string(), z.union([z.string(), z.number(), z.null(), z.record(z.string(), z.unknown())])).and(z.object({ id: z.string().min(1), updated_at: z.number() })),
]);
