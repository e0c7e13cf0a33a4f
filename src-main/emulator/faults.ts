import { z } from 'zod';
import { VendorIdSchema } from '@contract';

/** Faults the Sandbox can inject, per vendor. */
export const FAULT_KINDS = ['5xx', 'delay', 'malformed', 'reset', 'rate-limit-storm', 'upload-failure', 'clock-skew'] as const;
/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Input of `POST /control/faults`. `count` is how many requests the fault affects (upload-failure:
 * how many files). `afterProcessing` decides whether the emulator acts on the request before the
 * fault hits the answer: a lost answer to a StartRecord that did start a task is the case the
 * client must reconcile. Defaults: true for `delay`, false otherwise.
 */
export const FaultSpecSchema = z.object({
  vendor: VendorIdSchema,
  kind: z.enum(FAULT_KINDS),
  count: z.number().int().min(0).max(100_000).default(1),
  /** `delay`: real milliseconds to hold the answer (set it past the client timeout). */
  ms: z.number().int().min(0).max(120_000).default(15_000),
  /** `5xx`: the HTTP status. */
  status: z.number().int().min(500).max(599).default(503),
  /** `clock-skew`: the vendor's clock runs this many seconds ahead (negative: behind). 0 clears it. */
  offsetSeconds: z.number().int().min(-10 * 365 * 86_400).max(10 * 365 * 86_400).default(0),
  afterProcessing: z.boolean().optional(),
  /** `upload-failure`: where the file ends up (ZEGO: `backup` = status 4, `failed` = status 5). */
  mode: z.enum(['backup', 'failed']).default('failed'),
});
/** See {@link FaultSpecSchema}. */
export type FaultSpec = z.infer<typeof FaultSpecSchema>;
/** As a caller may write it. */
export type FaultSpecInput = z.input<typeof FaultSpecSchema>;

/** A transport-level fault taken for one request. */
export interface ActiveFault {
  kind: '5xx' | 'delay' | 'malformed' | 'reset' | 'rate-limit-storm';
  ms: number;
  status: number;
  afterProcessing: boolean;
}

interface Queued {
  spec: FaultSpec;
  remaining: number;
}

/** Queued transport faults per vendor; each request takes the oldest one still pending. */
export function createFaultQueue() {
  const queues = new Map<string, Queued[]>();
  return {
    add(spec: FaultSpec): void {
      const q = queues.get(spec.vendor) ?? [];
      q.push({ spec, remaining: spec.count });
      queues.set(spec.vendor, q);
    },
    take(vendor: string): ActiveFault | null {
      const q = queues.get(vendor);
      const head = q?.[0];
      if (!q || !head) return null;
      head.remaining -= 1;
      if (head.remaining <= 0) q.shift();
      const { kind, ms, status } = head.spec;
      if (kind !== '5xx' && kind !== 'delay' && kind !== 'malformed' && kind !== 'reset' && kind !== 'rate-limit-storm') return null;
      return { kind, ms, status, afterProcessing: head.spec.afterProcessing ?? kind === 'delay' };
    },
    pending(vendor: string): number {
      return (queues.get(vendor) ?? []).reduce((n, q) => n + q.remaining, 0);
    },
    clear(): void {
      queues.clear();
    },
  };
}
