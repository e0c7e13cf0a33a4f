import type { HistoryExportJob } from '@contract';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useHistoryStore } from '../../../../../src-renderer/src/features/history/stores/history';
import { emit, handle, inputsOf, resetBridge } from '../../../fake-bridge';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

const job = (over: Partial<HistoryExportJob> = {}): HistoryExportJob => ({
  id: 'e1', format: 'json', fileName: 'recdeck-history-20250101-000000.json', state: 'running', rows: 0, total: 10, savedTo: null, error: null, ...over,
});

describe('history store exports', () => {
  let clicked: Array<{ href: string; download: string }>;
  beforeEach(() => {
    resetBridge();
    setActivePinia(createPinia());
    clicked = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    handle('history:exportDownload', ({ id }) => ({ ok: true, value: { url: `/api/exports/ticket-${id}` } }));
  });
  afterEach(() => vi.restoreAllMocks());

  it('follows the progress of its export and downloads the file by its one-time URL when it is done', async () => {
    handle('history:export', () => ({ ok: true, value: job() }));
    const store = useHistoryStore();
    expect(await store.exportAs('json')).toBeNull();
    emit('history:exportChanged', job({ rows: 4 }));
    expect(store.exportJob?.rows).toBe(4);
    emit('history:exportChanged', job({ state: 'done', rows: 10 }));
    await vi.waitFor(() => expect(clicked).toEqual([{ href: '/api/exports/ticket-e1', download: 'recdeck-history-20250101-000000.json' }]));
    emit('history:exportChanged', job({ state: 'done', rows: 10 }));
    expect(inputsOf('history:exportDownload')).toHaveLength(1);
  });

  it('downloads an export that finished before its start was answered, and nothing the Electron app already saved', async () => {
    handle('history:export', () => {
      emit('history:exportChanged', job({ state: 'done', rows: 10 }));
      return { ok: true, value: job() };
    });
    const store = useHistoryStore();
    await store.exportAs('json');
    expect([store.exportJob?.state, clicked.length]).toEqual(['done', 1]);
    handle('history:export', () => ({ ok: true, value: job({ id: 'e2', state: 'done', savedTo: '/home/op/x.json' }) }));
    await store.exportAs('json');
    expect([store.exportJob?.savedTo, clicked.length]).toEqual(['/home/op/x.json', 1]);
  });

  it('cancels the running export', async () => {
    handle('history:export', () => ({ ok: true, value: job() }));
    handle('history:exportCancel', ({ id }) => ({ ok: true, value: job({ id }) }));
    const store = useHistoryStore();
    await store.exportAs('csv');
    await store.cancelExport();
    emit('history:exportChanged', job({ state: 'canceled' }));
    await store.cancelExport();
    expect([inputsOf('history:exportCancel'), store.exportJob?.state]).toEqual([[{ id: 'e1' }], 'canceled']);
  });
});
