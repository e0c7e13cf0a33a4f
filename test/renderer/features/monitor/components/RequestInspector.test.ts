import { RecordingRequestSchema, type TaskDetail, type VendorId } from '@contract';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { NMessageProvider } from 'naive-ui';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import RequestInspector from '../../../../../src-renderer/src/features/monitor/components/RequestInspector.vue';
import { mountWithApp } from '../../../dom';
import { exchange, summary } from '../fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

let wrapper: VueWrapper;
afterEach(() => wrapper.unmount());

/** The inspector inside the message provider the app's shell gives it. */
function inApp(detail: TaskDetail) {
  return defineComponent(() => () => h(NMessageProvider, null, () => h(RequestInspector, { detail })));
}

function detail(vendor: VendorId): TaskDetail {
  return { task: summary({ vendor }), request: RecordingRequestSchema.parse({ roomId: 'room-1' }), storageTargetId: null, files: [], events: [], exchanges: [exchange(1_000)], extra: {} };
}

describe('RequestInspector', () => {
  it('offers a signed status query for ZEGO, and says why there is none where the signature carries the SecretId', async () => {
    const shown: Record<string, [boolean, string]> = {};
    for (const vendor of ['zego', 'tencent-tiw'] as const) {
      wrapper = mountWithApp(inApp(detail(vendor))) as VueWrapper;
      await flushPromises();
      const why = wrapper.find('[data-testid="no-signed-status"]');
      shown[vendor] = [wrapper.find('[data-testid="copy-signed-status"]').exists(), why.exists() ? why.text() : ''];
      if (vendor === 'zego') wrapper.unmount();
    }
    expect(shown).toEqual({
      zego: [true, ''],
      'tencent-tiw': [false, 'No signed command for Tencent TIW: its signature carries the SecretId. The cURL lines below use placeholders.'],
    });
  });
});
