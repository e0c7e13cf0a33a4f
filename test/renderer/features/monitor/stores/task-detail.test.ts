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
});
