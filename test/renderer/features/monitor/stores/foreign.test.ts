import type { ForeignTask } from '@contract';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useForeignTasksStore } from '../../../../../src-renderer/src/features/monitor/stores/foreign';
import { useTasksStore } from '../../../../../src-renderer/src/features/monitor/stores/tasks';
import { emit, handle, inputsOf, resetBridge } from '../../../fake-bridge';
import { summary } from '../fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

function foreign(over: Partial<ForeignTask> = {}): ForeignTask {
  return {
    id: 'f1', vendor: 'zego', accountId: 'a1', accountName: 'Sandbox · ZEGO', vendorTaskId: 'zt-9', roomId: 'room-script',
    startedAt: 1_000, state: 'recording', rawStatus: '2', firstSeenAt: 2_000, lastSeenAt: 3_000, dismissed: false, ...over,
  };
}

describe('foreign tasks store', () => {
  beforeEach(() => {
    resetBridge();
    setActivePinia(createPinia());
  });

  it('lists what the core found, follows foreign:changed, and splits off the dismissed ones', async () => {
    handle('foreign:list', () => ({ ok: true, value: [foreign()] }));
    const store = useForeignTasksStore();
    await store.refresh();
    expect(store.running.map((f) => f.id)).toEqual(['f1']);
    emit('foreign:changed', { tasks: [foreign(), foreign({ id: 'f2', dismissed: true })] });
    expect([store.running.map((f) => f.id), store.dismissed.map((f) => f.id)]).toEqual([['f1'], ['f2']]);
  });

  it('adopts a task: it leaves the list and shows up among the live tasks at once', async () => {
    handle('foreign:adopt', () => ({ ok: true, value: summary({ id: 't9', vendorTaskId: 'zt-9', roomId: 'room-script' }) }));
    const store = useForeignTasksStore();
    store.list = [foreign()];
    expect(await store.adopt('f1')).toBeNull();
    expect([store.list, useTasksStore().byId.get('t9')?.roomId, store.busy]).toEqual([[], 'room-script', {}]);
  });

  it('dismisses and brings back a task, and hands back the core’s error', async () => {
    handle('foreign:dismiss', ({ id, dismissed }) => ({ ok: true, value: foreign({ id, dismissed: dismissed ?? true }) }));
    const store = useForeignTasksStore();
    store.list = [foreign()];
    expect(await store.dismiss('f1')).toBeNull();
    expect(store.dismissed.map((f) => f.id)).toEqual(['f1']);
    expect(await store.dismiss('f1', false)).toBeNull();
    expect(inputsOf('foreign:dismiss')).toEqual([{ id: 'f1', dismissed: true }, { id: 'f1', dismissed: false }]);
    handle('foreign:adopt', () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }));
    expect((await store.adopt('f1'))?.code).toBe('NOT_FOUND');
    expect(store.running.map((f) => f.id)).toEqual(['f1']);
  });
});
