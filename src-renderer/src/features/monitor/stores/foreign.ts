import type { AppError, ForeignTask } from '@contract';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { call, on } from '../../../bridge';
import { useTasksStore } from './tasks';

/**
 * Recordings a sweep found on the operator's accounts that RecDeck did not start (`foreign:list`,
 * kept current by `foreign:changed`). Adopting one makes it a task like any other; dismissing one
 * moves it to the "dismissed, still running" list until it ends.
 */
export const useForeignTasksStore = defineStore('foreign-tasks', () => {
  const list = ref<ForeignTask[]>([]);
  const busy = ref<Record<string, 'adopt' | 'dismiss'>>({});

  const running = computed(() => list.value.filter((f) => !f.dismissed));
  const dismissed = computed(() => list.value.filter((f) => f.dismissed));

  async function refresh(): Promise<void> {
    const r = await call('foreign:list', {});
    if (r.ok) list.value = r.value;
  }

  async function run<T>(id: string, what: 'adopt' | 'dismiss', send: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T | AppError> {
    busy.value = { ...busy.value, [id]: what };
    const r = await send();
    const { [id]: _done, ...rest } = busy.value;
    busy.value = rest;
    return r.ok ? r.value : r.error;
  }

  /** Takes the task into RecDeck; answers the error, or null. */
  async function adopt(id: string): Promise<AppError | null> {
    const r = await run(id, 'adopt', () => call('foreign:adopt', { id }));
    if ('code' in r) return r;
    useTasksStore().upsert([r]);
    list.value = list.value.filter((f) => f.id !== id);
    return null;
  }

  /** Hides the task from the main list (`dismissed: false` brings it back); answers the error, or null. */
  async function dismiss(id: string, dismissedNow = true): Promise<AppError | null> {
    const r = await run(id, 'dismiss', () => call('foreign:dismiss', { id, dismissed: dismissedNow }));
    if ('code' in r) return r;
    list.value = list.value.map((f) => (f.id === id ? r : f));
    return null;
  }

  on('foreign:changed', (p) => (list.value = p.tasks));

  return { list, busy, running, dismissed, refresh, adopt, dismiss };
});
