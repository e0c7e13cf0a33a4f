import type { AppInfo } from '@contract';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SandboxPanel from '../../../../../src-renderer/src/features/settings/components/SandboxPanel.vue';
import { useAppStore } from '../../../../../src-renderer/src/features/settings/stores/app';
import { i18n } from '../../../../../src-renderer/src/i18n';
import { mountWithApp } from '../../../dom';
import { handle, inputsOf, resetBridge } from '../../../fake-bridge';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

const INFO: AppInfo = { name: 'RecDeck', version: '1', host: 'web', dataDir: '/d', keychain: { backend: 'keytar', available: true }, platform: 'linux', nodeVersion: '24', sandboxUrl: 'http://127.0.0.1:1/' };

let wrapper: VueWrapper;

async function mountPanel(info: AppInfo): Promise<void> {
  handle('app:info', () => ({ ok: true, value: info }));
  wrapper = mountWithApp(SandboxPanel) as VueWrapper;
  await useAppStore().refresh();
  await flushPromises();
}

describe('SandboxPanel', () => {
  beforeEach(() => resetBridge());
  afterEach(() => {
    wrapper.unmount();
    i18n.global.locale.value = 'en';
  });

  it('publishes a stream in a room and injects a fault through sandbox:control, and says what it did', async () => {
    handle('sandbox:control', (input) => ({ ok: true, value: input.command === 'room-publish' ? { publishers: ['guest', 'alice'] } : null }));
    await mountPanel(INFO);
    const idle = wrapper.get('[data-testid="sandbox-idle-default"]').text();
    await wrapper.get('[data-testid="sandbox-room"] input').setValue('show-1');
    await wrapper.get('[data-testid="sandbox-user"] input').setValue('alice');
    await wrapper.get('[data-testid="sandbox-publish"]').trigger('click');
    await flushPromises();
    const published = [wrapper.get('[data-testid="sandbox-publishers"]').text(), wrapper.get('[data-testid="sandbox-done"]').text()];
    await wrapper.get('[data-testid="sandbox-inject"]').trigger('click');
    await flushPromises();
    i18n.global.locale.value = 'zh-CN';
    await flushPromises();
    expect({ idle, published, injected: wrapper.get('[data-testid="sandbox-done"]').text(), calls: inputsOf('sandbox:control') }).toEqual({
      idle: 'ZEGO Cloud Recording stops a task after 30 s without publishers unless the request sets another idle stop.',
      published: ['Publishing now: guest, alice', 'alice publishes in show-1.'],
      injected: '已为后续 3 个请求排入故障：服务器错误（5xx）。',
      calls: [
        { vendor: 'zego', command: 'room-publish', input: { roomId: 'show-1', userId: 'alice' } },
        { vendor: 'faults', command: 'inject', input: { vendor: 'zego', kind: '5xx', count: 3, status: 503 } },
      ],
    });
  });

  it('shows the Sandbox’s refusal, and says how to turn the Sandbox on when it is off', async () => {
    handle('sandbox:control', () => ({ ok: false, error: { code: 'VALIDATION', message: 'fail-task: unknown task' } }));
    await mountPanel(INFO);
    await wrapper.get('[data-testid="sandbox-clear"]').trigger('click');
    await flushPromises();
    const refused = wrapper.get('[data-testid="sandbox-error"]').text();
    wrapper.unmount();
    await mountPanel({ ...INFO, sandboxUrl: null });
    expect([refused, wrapper.find('[data-testid="sandbox-off"]').exists(), wrapper.find('[data-testid="sandbox-publish"]').exists()]).toEqual([
      'The Sandbox refused: fail-task: unknown task',
      true,
      false,
    ]);
  });
});
