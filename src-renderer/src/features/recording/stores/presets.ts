import type { AppError, Preset, RawInputOf } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../../../bridge';

/** Saved recording requests (`presets:*`). A preset names its storage target by id, never its keys. */
export const usePresetsStore = defineStore('presets', () => {
  const list = ref<Preset[]>([]);
  const error = ref<AppError | null>(null);

  async function refresh(): Promise<void> {
    const r = await call('presets:list', {});
    if (r.ok) list.value = [...r.value].sort((a, b) => a.name.localeCompare(b.name));
    error.value = r.ok ? null : r.error;
  }

  async function save(input: RawInputOf<'presets:save'>): Promise<{ preset: Preset } | { error: AppError }> {
    const r = await call('presets:save', input);
    if (!r.ok) return { error: r.error };
    await refresh();
    return { preset: r.value };
  }

  async function remove(id: string): Promise<AppError | null> {
    const r = await call('presets:delete', { id });
    if (!r.ok) return r.error;
    list.value = list.value.filter((p) => p.id !== id);
    return null;
  }

  return { list, error, refresh, save, remove };
});
