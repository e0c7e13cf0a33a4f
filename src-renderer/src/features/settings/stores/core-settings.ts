import type { AppError, CoreSettings, OutputOf } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../../../bridge';

/** The callback receiver's status as `callbacks:status` reports it. */
export type CallbackStatus = OutputOf<'callbacks:status'>;

/** Settings the core keeps (polling pace, retention, callback receiver) and the receiver's status. */
export const useCoreSettingsStore = defineStore('core-settings', () => {
  const settings = ref<CoreSettings | null>(null);
  const callbacks = ref<CallbackStatus | null>(null);
  const error = ref<AppError | null>(null);
  const saving = ref(false);

  async function refresh(): Promise<void> {
    const [s, c] = await Promise.all([call('settings:get', {}), call('callbacks:status', {})]);
    if (s.ok) settings.value = s.value;
    if (c.ok) callbacks.value = c.value;
    error.value = !s.ok ? s.error : !c.ok ? c.error : null;
  }

  async function save(patch: Partial<CoreSettings>): Promise<AppError | null> {
    saving.value = true;
    const r = await call('settings:set', patch);
    saving.value = false;
    if (!r.ok) return r.error;
    settings.value = r.value;
    const c = await call('callbacks:status', {});
    if (c.ok) callbacks.value = c.value;
    return null;
  }

  /** Turns the callback receiver on with the port the settings keep (a status that only arrives by callbacks needs it). */
  async function enableReceiver(): Promise<AppError | null> {
    if (!settings.value) await refresh();
    if (!settings.value) return error.value;
    return save({ callbacks: { ...settings.value.callbacks, enabled: true } });
  }

  return { settings, callbacks, error, saving, refresh, save, enableReceiver };
});
