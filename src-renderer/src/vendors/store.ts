import type { AppError, VendorDescriptor, VendorId } from '@contract';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../bridge';

/** The vendors' descriptors (`vendors:list`): capabilities, request fields, limits, notes. They do not change while the core runs. */
export const useVendorsStore = defineStore('vendors', () => {
  const list = ref<VendorDescriptor[]>([]);
  const loaded = ref(false);
  const error = ref<AppError | null>(null);

  async function refresh(): Promise<void> {
    const r = await call('vendors:list', {});
    if (r.ok) list.value = r.value;
    error.value = r.ok ? null : r.error;
    loaded.value = true;
  }

  async function ensure(): Promise<void> {
    if (!loaded.value || error.value) await refresh();
  }

  function get(id: VendorId | null | undefined): VendorDescriptor | null {
    return list.value.find((v) => v.id === id) ?? null;
  }

  return { list, loaded, error, refresh, ensure, get };
});
