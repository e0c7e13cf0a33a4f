import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SchedulerStatus from '../../../../../src-renderer/src/features/monitor/components/SchedulerStatus.vue';
import { i18n } from '../../../../../src-renderer/src/i18n';
import { mountWithApp } from '../../../dom';
import { emit, resetBridge } from '../../../fake-bridge';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

let wrapper: VueWrapper;

describe('SchedulerStatus', () => {
  beforeEach(() => resetBridge());
  afterEach(() => {
    wrapper.unmount();
    i18n.global.locale.value = 'en';
  });

  it('says how far the launch is with the tasks an earlier session left open, then that polling runs', async () => {
    wrapper = mountWithApp({ components: { SchedulerStatus }, template: '<div><scheduler-status compact /><scheduler-status /></div>' }) as VueWrapper;
    emit('scheduler:changed', { activeTasks: 120, accounts: [], recovery: { checked: 120, total: 415 } });
    await flushPromises();
    const shown = () => wrapper.findAll('[data-testid="scheduler-recovering"]').map((w) => w.text());
    const english = shown();
    i18n.global.locale.value = 'zh-CN';
    await flushPromises();
    const chinese = shown();
    emit('scheduler:changed', { activeTasks: 415, accounts: [] });
    await flushPromises();
    expect({ english, chinese, after: shown(), online: wrapper.find('[data-testid="scheduler-online"]').exists() }).toEqual({
      english: ['◔ Reconciling 120 of 415 tasks…', 'Reconciling 120 of 415 tasks an earlier session left open… The ones checked are already polled.'],
      chinese: ['◔ 正在核对任务 120 / 415…', '正在核对上次会话遗留的任务：已核对 120 / 415 个… 已核对的任务已开始轮询。'],
      after: [],
      online: true,
    });
  });
});
