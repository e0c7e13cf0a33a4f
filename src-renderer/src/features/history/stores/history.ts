import type { AppError, HistoryExportJob, HistoryQuery, TaskState, TaskSummary, VendorId } from '@contract';
import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef, triggerRef } from 'vue';
import { call, on } from '../../../bridge';
import { downloadUrl } from '../../../ui/download';
import { HISTORY_PAGE_SIZE, pagesFor, pagesToEvict } from '../model/history-pages';

/** The filters and sort the History view edits; paging is the store's business. */
export interface HistoryFilters {
  vendors: VendorId[];
  accountIds: string[];
  room: string | null;
  states: TaskState[];
  from: number | null;
  to: number | null;
  text: string | null;
  sort: HistoryQuery['sort'];
  direction: HistoryQuery['direction'];
}

const KEEP_PAGES = 40;

/**
 * The local task ledger as a sparse list: pages of `history:query` fetched as the virtual table
 * scrolls, dropped when far away, refetched when the filters change. Works without network: the
 * ledger is local.
 */
export const useHistoryStore = defineStore('history', () => {
  const filters = reactive<HistoryFilters>({
    vendors: [],
    accountIds: [],
    room: null,
    states: [],
    from: null,
    to: null,
    text: null,
    sort: 'createdAt',
    direction: 'desc',
  });
  const total = ref(0);
  const pages = shallowRef(new Map<number, TaskSummary[]>());
  const pending = new Set<number>();
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<AppError | null>(null);
  /** The export this page started last, as the core last reported it. */
  const exportJob = ref<HistoryExportJob | null>(null);
  /** Export updates by id: the first ones can arrive before `history:export` answers. */
  const jobs = new Map<string, HistoryExportJob>();
  const downloaded = new Set<string>();
  let generation = 0;
  let around = 0;

  function query(offset: number, limit: number): HistoryQuery {
    return { ...filters, vendors: [...filters.vendors], accountIds: [...filters.accountIds], states: [...filters.states], offset, limit };
  }

  async function fetchPage(page: number, gen: number): Promise<void> {
    if (pending.has(page) || pages.value.has(page)) return;
    pending.add(page);
    loading.value = true;
    const r = await call('history:query', query(page * HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE));
    pending.delete(page);
    loading.value = pending.size > 0;
    if (gen !== generation) return;
    if (!r.ok) {
      error.value = r.error;
      return;
    }
    error.value = null;
    total.value = r.value.total;
    pages.value.set(page, r.value.rows);
    for (const p of pagesToEvict([...pages.value.keys()], around, KEEP_PAGES)) pages.value.delete(p);
    loaded.value = true;
    triggerRef(pages);
  }

  /** Makes sure rows [first, last] are loaded or on their way. */
  function ensure(first: number, last: number): void {
    around = Math.floor(first / HISTORY_PAGE_SIZE);
    for (const p of pagesFor(first, last, total.value)) void fetchPage(p, generation);
  }

  /** Starts over with the current filters (page 0 also tells the total). */
  async function reload(): Promise<void> {
    generation++;
    pending.clear();
    pages.value = new Map();
    await fetchPage(0, generation);
  }

  function rowAt(index: number): TaskSummary | null {
    return pages.value.get(Math.floor(index / HISTORY_PAGE_SIZE))?.[index % HISTORY_PAGE_SIZE] ?? null;
  }

  const hasFilters = computed(
    () => filters.vendors.length + filters.accountIds.length + filters.states.length > 0 || !!filters.room || !!filters.text || filters.from !== null || filters.to !== null,
  );

  function clearFilters(): void {
    Object.assign(filters, { vendors: [], accountIds: [], room: null, states: [], from: null, to: null, text: null });
  }

  /** A finished export in the browser host is fetched by a one-time URL; the Electron app has already saved it. */
  async function follow(job: HistoryExportJob): Promise<void> {
    jobs.set(job.id, job);
    if (job.id !== exportJob.value?.id) return;
    exportJob.value = job;
    if (job.state !== 'done' || job.savedTo !== null || downloaded.has(job.id)) return;
    downloaded.add(job.id);
    const r = await call('history:exportDownload', { id: job.id });
    if (r.ok) downloadUrl(r.value.url, job.fileName);
    else exportJob.value = { ...job, state: 'failed', error: r.error };
  }

  /** Starts streaming every task matching the filters to a file; progress follows in `exportJob`. */
  async function exportAs(format: 'csv' | 'json'): Promise<AppError | null> {
    const r = await call('history:export', { format, query: query(0, 1) });
    if (!r.ok) return r.error;
    exportJob.value = r.value;
    await follow(jobs.get(r.value.id) ?? r.value);
    return null;
  }

  async function cancelExport(): Promise<void> {
    if (exportJob.value?.state === 'running') await call('history:exportCancel', { id: exportJob.value.id });
  }

  on('history:exportChanged', (job) => void follow(job));

  // Rows already on screen follow live changes; new tasks appear on the next reload.
  on('tasks:changed', (p) => {
    let touched = false;
    const changed = new Map(p.tasks.map((t) => [t.id, t]));
    for (const rows of pages.value.values()) {
      rows.forEach((row, i) => {
        const next = changed.get(row.id);
        if (next) {
          rows[i] = next;
          touched = true;
        }
      });
    }
    if (touched) triggerRef(pages);
  });

  return { filters, total, pages, loading, loaded, error, hasFilters, exportJob, ensure, reload, rowAt, clearFilters, exportAs, cancelExport };
});
