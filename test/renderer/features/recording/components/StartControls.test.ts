import type { Account } from '@contract';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAccountsStore } from '../../../../../src-renderer/src/features/accounts/stores/accounts';
import StartControls from '../../../../../src-renderer/src/features/recording/components/sections/StartControls.vue';
import { useRecordingFormStore } from '../../../../../src-renderer/src/features/recording/stores/recording-form';
import { mountWithApp } from '../../../dom';
import { handle, inputsOf, resetBridge } from '../../../fake-bridge';
import { summary } from '../../monitor/fixtures';
import { storage } from '../fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

let wrapper: VueWrapper;

describe('StartControls', () => {
  beforeEach(() => resetBridge());
  afterEach(() => wrapper.unmount());

  it('keeps a refused start beside Start with the vendor’s code, RequestId and the task’s inspector; Retry sends the same start', async () => {
    handle('accounts:list', () => ({ ok: true, value: [{ id: 'a1', vendor: 'zego', name: 'Z' } as Account] }));
    handle('storage:list', () => ({ ok: true, value: [storage] }));
    handle('tasks:start', () => ({
      ok: false,
      error: { code: 'VENDOR_UNREACHABLE', message: 'HTTP 503', retryable: true, details: { httpStatus: 503, taskId: 'task-7', outcome: 'not-started' } },
    }));
    wrapper = mountWithApp(StartControls, { props: { showProblems: false } }) as VueWrapper;
    await useAccountsStore().refresh();
    const form = useRecordingFormStore();
    form.ensureAccount();
    form.request = { ...form.request, roomId: 'room-1' };
    await form.start();
    await flushPromises();
    const box = wrapper.get('[data-testid="action-failure"]');
    const shown = [box.get('[data-testid="action-failure-code"]').text(), box.get('[data-testid="action-failure-inspector"]').attributes('href'), box.find('[data-testid="action-failure-request-id"]').exists()];
    handle('tasks:start', () => ({ ok: true, value: summary({ id: 'task-8' }) }));
    await box.get('[data-testid="action-failure-retry"]').trigger('click');
    await form.start();
    await flushPromises();
    const keys = inputsOf('tasks:start').map((i) => i.startKey);
    expect({ shown, emitted: wrapper.emitted('start'), sameKey: keys[0] === keys[1], gone: !wrapper.find('[data-testid="action-failure"]').exists() }).toEqual({
      shown: ['HTTP 503', '#/tasks/task-7?tab=inspector', false],
      emitted: [[]],
      sameKey: true,
      gone: true,
    });
  });
});
