import type { TaskDetail } from '@contract';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTaskDetailStore } from '../../../../../src-renderer/src/features/monitor/stores/task-detail';
import { emit, handle, inputsOf, resetBridge } from '../../../fake-bridge';
import { summary } from '../fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

const detailOf = (id: string): TaskDetail => ({ task: summary({ id }), events: [], files: [], exchanges: [] }) as unknown as TaskDetail;

describe('task detail store', () => {
  beforeEach(() => {
    resetBridge();
    setActivePinia(createPinia());
    vi.useFakeTimers();
    handle('tasks:get', ({ id }) => ({ ok: true, value: detailOf(id) }));
  });
  afterEach(() => vi.useRealTimers());

  it('reloads the open task once after a burst of changes to it, and ignores other tasks', async () => {
    const store = useTaskDetailStore();
    await store.open('t1');
    expect(store.detail?.task.id).toBe('t1');
    emit('tasks:changed', { tasks: [summary({ id: 't2' })], removed: [] });
    emit('tasks:changed', { tasks: [summary({ id: 't1' })], removed: [] });
    emit('tasks:changed', { tasks: [summary({ id: 't1' })], removed: [] });
    await vi.advanceTimersByTimeAsync(600);
    expect(inputsOf('tasks:get')).toEqual([{ id: 't1' }, { id: 't1' }]);
  });

  it('forgets the task when the view is left, so a change no longer reloads it', async () => {
    const store = useTaskDetailStore();
    await store.open('t1');
    store.close();
    expect(store.detail).toBeNull();
    emit('tasks:changed', { tasks: [summary({ id: 't1' })], removed: [] });
    await vi.advanceTimersByTimeAsync(600);
    expect(inputsOf('tasks:get')).toHaveLength(1);
  });

  it('shows the error of a task the core does not know', async () => {
    handle('tasks:get', () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'no such task' } }));
    const store = useTaskDetailStore();
    await store.open('gone');
    expect(store.error?.code).toBe('NOT_FOUND');
    expect(store.detail).toBeNull();
  });

  it('tells the core the operator is looking at the open task, renews it while open, and ends it on leaving', async () => {
    handle('tasks:watch', ({ id, watching }) => ({ ok: true, value: { until: watching === false ? null : 30_000 + id.length } }));
    const store = useTaskDetailStore();
    await store.open('t1');
    await vi.advanceTimersByTimeAsync(31_000);
    await store.open('t2');
    store.close();
    expect(inputsOf('tasks:watch')).toEqual([
      { id: 't1', watching: true },
      { id: 't1', watching: true },
      { id: 't1', watching: true },
      { id: 't1', watching: false },
      { id: 't2', watching: true },
      { id: 't2', watching: false },
    ]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(inputsOf('tasks:watch')).toHaveLength(6);
  });
});
