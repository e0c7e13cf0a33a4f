import type { AppError, TeamStatus, TeamTestResult } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, on } from '../../../bridge';

/** Team mode (issue 14): this desk, its team server, the other desks and who polls which vendor key. */
export const useTeamStore = defineStore('team', () => {
  const status = ref<TeamStatus | null>(null);
  const tested = ref<TeamTestResult | null>(null);
  const busy = ref(false);

  async function refresh(): Promise<void> {
    const r = await call('team:status', {});
    if (r.ok) status.value = r.value;
  }

  async function run(fn: () => ReturnType<typeof call<'team:join'>>): Promise<AppError | null> {
    busy.value = true;
    const r = await fn();
    busy.value = false;
    if (!r.ok) return r.error;
    status.value = r.value;
    return null;
  }

  async function test(url: string, password: string): Promise<TeamTestResult | null> {
    busy.value = true;
    const r = await call('team:test', { url, password: password === '' ? null : password });
    busy.value = false;
    tested.value = r.ok ? r.value : null;
    return tested.value;
  }

  const join = (url: string, password: string) => run(() => call('team:join', { url, password: password === '' ? null : password }));
  const leave = () => run(() => call('team:leave', {}));
  const rename = (name: string) => run(() => call('team:setDeskName', { name }));

  on('team:changed', (next) => {
    status.value = next;
  });

  return { status, tested, busy, refresh, test, join, leave, rename };
});
