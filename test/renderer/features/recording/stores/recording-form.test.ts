import type { Account, TaskSummary } from '@contract';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAccountsStore } from '../../../../../src-renderer/src/features/accounts/stores/accounts';
import { useRecordingFormStore } from '../../../../../src-renderer/src/features/recording/stores/recording-form';
import { handle, inputsOf, resetBridge } from '../../../fake-bridge';
import { summary } from '../../monitor/fixtures';
import { storage } from '../fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

/** A form on a ZEGO account with a valid request, the core answering every start with a task per key. */
async function readyForm() {
  const tasks = new Map<string, TaskSummary>();
  handle('accounts:list', () => ({ ok: true, value: [{ id: 'a1', vendor: 'zego', name: 'Z' } as Account] }));
  handle('storage:list', () => ({ ok: true, value: [storage] }));
  handle('tasks:start', (input) => {
    const key = String(input.startKey);
    if (!tasks.has(key)) tasks.set(key, summary({ id: `task-${tasks.size + 1}`, roomId: input.request.roomId as string }));
    return { ok: true, value: tasks.get(key)! };
  });
  await useAccountsStore().refresh();
  const form = useRecordingFormStore();
  form.ensureAccount();
  form.request = { ...form.request, roomId: 'room-1' };
  return form;
}

describe('recording form store', () => {
  beforeEach(() => {
    resetBridge();
    setActivePinia(createPinia());
  });

  it('starts on the first account with the vendor defaults and no blocking problem', async () => {
    const form = await readyForm();
    expect(form.accountId).toBe('a1');
    expect(form.request.storageTargetId).toBe('s1');
    expect(form.errors).toEqual([]);
  });

  it('asks the core to sign the form\'s start, and asks nothing while the form cannot make a request', async () => {
    const form = await readyForm();
    handle('tasks:signedCurl', () => ({ ok: true, value: { curl: "curl -X POST 'https://…&Signature=0a1b'", expiresAt: 600_000, masked: ['StorageParams.AccessKeySecret'] } }));
    const signed = await form.signedCurl();
    form.request = { ...form.request, roomId: '' };
    const blocked = await form.signedCurl();
    expect({
      signed: 'signed' in signed ? signed.signed.expiresAt : signed,
      sent: inputsOf('tasks:signedCurl').map((i) => ('accountId' in i ? [i.accountId, i.request.roomId] : i)),
      blocked: 'blocked' in blocked ? blocked.blocked.map((b) => b.path) : blocked,
    }).toEqual({ signed: 600_000, sent: [['a1', 'room-1']], blocked: ['roomId'] });
  });

  it('gives repeated clicks of one submission the same start key, so the core starts one task', async () => {
    const form = await readyForm();
    const first = await form.start();
    const second = await form.start();
    expect(second?.id).toBe(first?.id);
    const keys = inputsOf('tasks:start').map((i) => i.startKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('makes a new submission when the request changes or the view is left', async () => {
    const form = await readyForm();
    await form.start();
    form.request = { ...form.request, roomId: 'room-2' };
    await Promise.resolve();
    await form.start();
    form.leave();
    await form.start();
    const keys = inputsOf('tasks:start').map((i) => i.startKey);
    expect(new Set(keys).size).toBe(3);
  });

  it('keeps the key after a failed start, so a retry of the same request cannot start twice', async () => {
    const form = await readyForm();
    handle('tasks:start', () => ({ ok: false, error: { code: 'VENDOR_UNREACHABLE', message: 'try again', retryable: true } }));
    expect(await form.start()).toBeNull();
    expect(form.failure?.code).toBe('VENDOR_UNREACHABLE');
    await form.start();
    const keys = inputsOf('tasks:start').map((i) => i.startKey);
    expect(keys[1]).toBe(keys[0]);
  });

  it('does not call the core while the request has blocking problems', async () => {
    const form = await readyForm();
    form.request = { ...form.request, roomId: '' };
    expect(await form.start()).toBeNull();
    expect(form.attempted).toBe(true);
    expect(inputsOf('tasks:start')).toEqual([]);
  });

  it('loads a pasted legacy body through the core into the form', async () => {
    const form = await readyForm();
    expect(form.canImportLegacy).toBe(true);
    const request = { ...form.request, roomId: 'legacy-room' };
    handle('tasks:importLegacy', () => ({ ok: true, value: { request, unmapped: ['x.y'], secretsRemoved: [], storage: null, appId: null, notes: [] } }));
    const r = await form.importLegacy('{"room_id":"legacy-room"}');
    expect('result' in r && r.result.unmapped).toEqual(['x.y']);
    expect(form.request.roomId).toBe('legacy-room');
    expect(inputsOf('tasks:importLegacy')).toEqual([{ vendor: 'zego', text: '{"room_id":"legacy-room"}' }]);
  });
});
