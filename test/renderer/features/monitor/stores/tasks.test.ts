import type { MixSettings } from '@contract';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTasksStore } from '../../../../../src-renderer/src/features/monitor/stores/tasks';
import { emit, handle, inputsOf, resetBridge } from '../../../fake-bridge';
import { summary } from '../fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

describe('tasks store', () => {
  beforeEach(() => {
    resetBridge();
    setActivePinia(createPinia());
  });

  it('sends a layout update and shows the task the core answers with', async () => {
    const store = useTasksStore();
    const mix = { layoutMode: 'grid' } as MixSettings;
    handle('tasks:updateLayout', ({ id }) => ({ ok: true, value: summary({ id, updatedAt: 99, state: 'recording' }) }));
    expect(await store.updateLayout('t1', mix)).toBeNull();
    expect(inputsOf('tasks:updateLayout')).toEqual([{ id: 't1', mix }]);
    expect(store.byId.get('t1')?.updatedAt).toBe(99);
  });

  it('loads by waiting for a read already on its way, and reads anew once none is', async () => {
    const store = useTasksStore();
    handle('tasks:active', () => ({ ok: true, value: [summary({ id: 't1', state: 'recording' })] }));
    handle('scheduler:status', () => ({ ok: true, value: { activeTasks: 1, accounts: [] } }));
    const launch = store.refresh();
    await store.load();
    await launch;
    const together = inputsOf('tasks:active').length;
    await store.load();
    expect({ together, after: inputsOf('tasks:active').length, active: store.active.map((t) => t.id) }).toEqual({ together: 1, after: 2, active: ['t1'] });
  });

  it('keeps the newer of a pushed change and what it already has', () => {
    const store = useTasksStore();
    store.upsert([summary({ id: 't1', updatedAt: 10, state: 'recording' })]);
    emit('tasks:changed', { tasks: [summary({ id: 't1', updatedAt: 5, state: 'starting' })], removed: [] });
    expect(store.byId.get('t1')?.state).toBe('recording');
    emit('tasks:changed', { tasks: [summary({ id: 't1', updatedAt: 20, state: 'paused' })], removed: [] });
    expect(store.active.map((t) => t.state)).toEqual(['paused']);
  });

  it('says what failed when an action is refused, and is no longer busy', async () => {
    const store = useTasksStore();
    handle('tasks:stop', () => ({ ok: false, error: { code: 'VENDOR_TIMEOUT', message: 'slow', retryable: true } }));
    expect((await store.act('t1', 'stop'))?.code).toBe('VENDOR_TIMEOUT');
    expect(store.busy).toEqual({});
  });

  it('keeps a failed action on its task until it succeeds on retry', async () => {
    const store = useTasksStore();
    const error = { code: 'VENDOR_TIMEOUT' as const, message: 'slow', retryable: true };
    handle('tasks:stop', () => ({ ok: false, error }));
    await store.act('t1', 'stop');
    const kept = store.failures['t1'];
    handle('tasks:stop', () => ({ ok: true, value: summary({ id: 't1', state: 'stopping' }) }));
    await store.act('t1', 'stop');
    expect([kept, store.failures['t1']]).toEqual([{ action: 'stop', error }, undefined]);
  });

  it('pauses only the tasks of an account that cannot be reached, and lists the accounts in trouble', () => {
    const store = useTasksStore();
    const health = (accountId: string, state: 'ok' | 'failing' | 'unreachable', since: number | null) => ({ accountId, state, since, lastOkAt: 50, load: 0.4, throttledAt: null, tasks: 1 });
    emit('scheduler:changed', { activeTasks: 3, accounts: [health('a', 'ok', null), health('b', 'unreachable', 100), health('c', 'failing', 120)] });
    expect({ a: store.pausedSince('a'), b: store.pausedSince('b'), gone: store.pausedSince(null), troubled: store.troubled.map((h) => h.accountId) }).toEqual({
      a: null,
      b: 100,
      gone: null,
      troubled: ['b', 'c'],
    });
  });
});
