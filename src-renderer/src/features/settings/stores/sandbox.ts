import type { AppError, TaskSummary, VendorId } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../../../bridge';

/** Faults an operator rehearses from the Sandbox panel (the Sandbox's own names). */
export const SANDBOX_FAULTS = ['5xx', 'delay', 'rate-limit-storm', 'upload-failure', 'clock-skew'] as const;
/** One of {@link SANDBOX_FAULTS}. */
export type SandboxFault = (typeof SANDBOX_FAULTS)[number];

/** How hard a fault hits: requests (files for upload-failure), held milliseconds, HTTP status, clock offset. */
export interface FaultSettings {
  count: number;
  ms: number;
  status: number;
  offsetSeconds: number;
}

/** What the last Sandbox command did, as a `sandbox.done.*` text with its parameters. */
export interface SandboxDone {
  key: string;
  params: Record<string, string | number>;
}

/** The fields each fault kind reads; the Sandbox takes defaults for the rest. */
function faultInput(vendor: VendorId, kind: SandboxFault, s: FaultSettings): Record<string, unknown> {
  if (kind === 'clock-skew') return { vendor, kind, offsetSeconds: s.offsetSeconds };
  if (kind === 'delay') return { vendor, kind, count: s.count, ms: s.ms };
  if (kind === '5xx') return { vendor, kind, count: s.count, status: s.status };
  return { vendor, kind, count: s.count };
}

/**
 * Drives the in-process Sandbox through the core's `sandbox:control`: publishers in a room, faults
 * on a vendor's next requests, a task the vendor fails. Each call says what it did or why it failed.
 */
export const useSandboxStore = defineStore('sandbox', () => {
  const busy = ref(false);
  const error = ref<AppError | null>(null);
  const done = ref<SandboxDone | null>(null);
  /** Who publishes in the room last asked about, as the Sandbox answered. */
  const publishers = ref<string[] | null>(null);
  /** Open tasks a fault can be aimed at (those the vendor knows by id), read when the panel asks. */
  const tasks = ref<TaskSummary[]>([]);

  async function refreshTasks(): Promise<void> {
    const r = await call('tasks:active', {});
    if (r.ok) tasks.value = r.value.filter((t) => t.vendorTaskId !== null);
  }

  async function run(vendor: VendorId | 'faults', command: string, input: Record<string, unknown>, said: SandboxDone): Promise<unknown> {
    busy.value = true;
    const r = await call('sandbox:control', { vendor, command, input });
    busy.value = false;
    error.value = r.ok ? null : r.error;
    done.value = r.ok ? said : null;
    return r.ok ? r.value : undefined;
  }

  function keepPublishers(value: unknown): void {
    const list = (value as { publishers?: unknown } | null | undefined)?.publishers;
    if (Array.isArray(list)) publishers.value = list.map(String);
  }

  async function publish(vendor: VendorId, roomId: string, userId: string, on: boolean): Promise<void> {
    const said = { key: on ? 'sandbox.done.published' : 'sandbox.done.unpublished', params: { user: userId, room: roomId } };
    keepPublishers(await run(vendor, on ? 'room-publish' : 'room-unpublish', { roomId, userId }, said));
  }

  async function listPublishers(vendor: VendorId, roomId: string): Promise<void> {
    keepPublishers(await run(vendor, 'room-publishers', { roomId }, { key: 'sandbox.done.listed', params: { room: roomId } }));
  }

  async function inject(vendor: VendorId, kind: SandboxFault, settings: FaultSettings): Promise<void> {
    await run('faults', 'inject', faultInput(vendor, kind, settings), { key: 'sandbox.done.injected', params: { kind, count: settings.count } });
  }

  async function clearFaults(): Promise<void> {
    await run('faults', 'clear', {}, { key: 'sandbox.done.cleared', params: {} });
  }

  async function failTask(task: TaskSummary): Promise<void> {
    await run(task.vendor, 'fail-task', { taskId: task.vendorTaskId }, { key: 'sandbox.done.failed', params: { room: task.roomId } });
  }

  return { busy, error, done, publishers, tasks, refreshTasks, publish, listPublishers, inject, clearFaults, failTask };
});
