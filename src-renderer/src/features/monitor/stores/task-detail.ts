import type { AppError, Result, SignedCurl, TaskDetail } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, on } from '../../../bridge';

/** A burst of events on one task reloads its detail once. */
const RELOAD_DELAY_MS = 500;
/** The core drops a watch 30 s after it was last renewed; renewing twice as often keeps it. */
const WATCH_RENEW_MS = 15_000;

/**
 * The one task the detail view shows (`tasks:get`): timeline, files, exchanges. It reloads a moment
 * after the core reports a change to that task, and tells the core the operator is looking at it
 * (`tasks:watch`), so its status is read every 2 s while the view is open.
 */
export const useTaskDetailStore = defineStore('task-detail', () => {
  const id = ref<string | null>(null);
  const detail = ref<TaskDetail | null>(null);
  const error = ref<AppError | null>(null);
  const loading = ref(false);
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  let watchTimer: ReturnType<typeof setInterval> | null = null;

  function watch(taskId: string | null): void {
    if (watchTimer) clearInterval(watchTimer);
    watchTimer = null;
    if (id.value && id.value !== taskId) void call('tasks:watch', { id: id.value, watching: false });
    if (taskId === null) return;
    const renew = (): void => void call('tasks:watch', { id: taskId, watching: true });
    renew();
    watchTimer = setInterval(renew, WATCH_RENEW_MS);
  }

  async function load(): Promise<void> {
    const wanted = id.value;
    if (!wanted) return;
    loading.value = true;
    const r = await call('tasks:get', { id: wanted });
    loading.value = false;
    if (wanted !== id.value) return;
    if (r.ok) {
      detail.value = r.value;
      error.value = null;
    } else error.value = r.error;
  }

  /** Shows task `taskId`, dropping what another task left behind. */
  async function open(taskId: string): Promise<void> {
    if (taskId !== id.value) {
      watch(taskId);
      detail.value = null;
      error.value = null;
    }
    id.value = taskId;
    await load();
  }

  /** Stops following the task and forgets it (the view is left). */
  function close(): void {
    watch(null);
    id.value = null;
    detail.value = null;
    error.value = null;
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = null;
  }

  on('tasks:changed', (p) => {
    if (!id.value || !p.tasks.some((t) => t.id === id.value)) return;
    reloadTimer ??= setTimeout(() => {
      reloadTimer = null;
      void load();
    }, RELOAD_DELAY_MS);
  });

  /** The task's status read as a command line signed now (where its vendor signs without naming a secret). */
  function signedStatusCurl(taskId: string): Promise<Result<SignedCurl>> {
    return call('tasks:signedCurl', { id: taskId });
  }

  return { id, detail, error, loading, open, close, load, signedStatusCurl };
});
