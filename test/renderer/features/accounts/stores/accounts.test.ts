import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAccountsStore } from '../../../../../src-renderer/src/features/accounts/stores/accounts';
import { emit, handle, inputsOf, resetBridge } from '../../../fake-bridge';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

describe('accounts store', () => {
  beforeEach(() => {
    resetBridge();
    setActivePinia(createPinia());
  });

  it('turns a delete the core refuses as in use into what uses it, and deletes on confirm', async () => {
    const store = useAccountsStore();
    handle('accounts:delete', ({ confirm }) =>
      confirm ? { ok: true, value: { deleted: true as const, taskCount: 3 } } : { ok: false, error: { code: 'CONFLICT', message: 'in use', details: { taskCount: 3 } } },
    );
    handle('storage:delete', () => ({ ok: false, error: { code: 'CONFLICT', message: 'in use', details: { presets: 2, openTasks: 1 } } }));
    expect(await store.remove('account', 'a1', false)).toEqual({ inUse: { tasks: 3 } });
    expect(await store.remove('account', 'a1', true)).toEqual({ deleted: true });
    expect(await store.remove('storage', 's1', false)).toEqual({ inUse: { presets: 2, tasks: 1 } });
    expect((await store.remove('storage', 's1', true)) as { error: { code: string } }).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('creates with the vendor and updates without it', async () => {
    const store = useAccountsStore();
    await store.save('account', null, { vendor: 'zego', name: 'Z' });
    await store.save('account', 'a1', { vendor: 'zego', name: 'Z2' });
    await store.save('storage', 's1', { name: 'S2' });
    expect(inputsOf('accounts:create')).toEqual([{ vendor: 'zego', name: 'Z' }]);
    expect(inputsOf('accounts:update')).toEqual([{ id: 'a1', patch: { name: 'Z2' } }]);
    expect(inputsOf('storage:update')).toEqual([{ id: 's1', patch: { name: 'S2' } }]);
  });

  it('lists once however many ask before the first answer, and not again when asked after it', async () => {
    const store = useAccountsStore();
    handle('accounts:list', () => ({ ok: true, value: [] }));
    handle('storage:list', () => ({ ok: true, value: [] }));
    await Promise.all([store.ensure(), store.ensure(), store.ensure()]);
    await store.ensure();
    expect({ loaded: store.loaded, accounts: inputsOf('accounts:list').length, storage: inputsOf('storage:list').length }).toEqual({ loaded: true, accounts: 1, storage: 1 });
  });

  it('lists again when the core says accounts changed', async () => {
    const store = useAccountsStore();
    handle('accounts:list', () => ({ ok: true, value: [] }));
    handle('storage:list', () => ({ ok: true, value: [] }));
    emit('accounts:changed', {} as never);
    await vi.waitFor(() => expect(store.loaded).toBe(true));
    expect(inputsOf('accounts:list')).toHaveLength(1);
  });

  it('keeps the last connection test of each account, so it is still there when the operator comes back', async () => {
    const store = useAccountsStore();
    const result = { kind: 'unreachable' as const, message: { key: 'connection.unreachable' }, offsetSeconds: null, latencyMs: 3, requestId: null, vendorCode: null };
    handle('accounts:test', () => ({ ok: true, value: result }));
    const pending = store.testConnection('a1');
    const during = store.testing['a1'];
    await pending;
    expect({ during, after: store.testing['a1'], tested: store.tested['a1'] }).toEqual({ during: true, after: false, tested: result });
  });
});
