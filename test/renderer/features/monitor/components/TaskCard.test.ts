import type { AppError } from '@contract';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import StatePill from '../../../../../src-renderer/src/features/monitor/components/StatePill.vue';
import TaskCard from '../../../../../src-renderer/src/features/monitor/components/TaskCard.vue';
import { i18n } from '../../../../../src-renderer/src/i18n';
import { mountWithApp } from '../../../dom';
import { resetBridge } from '../../../fake-bridge';
import { summary } from '../fixtures';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

let wrapper: VueWrapper;

const REFUSED: AppError = { code: 'VENDOR_INTERNAL', message: 'ZEGO error 300010000', details: { vendorCode: 300010000, requestId: 'req-9f2', httpStatus: 200 } };

describe('TaskCard', () => {
  beforeEach(() => resetBridge());
  afterEach(() => {
    wrapper.unmount();
    i18n.global.locale.value = 'en';
  });

  it('shows the task\'s last error in the reader\'s language, not the core\'s English log text', async () => {
    const error: AppError = { code: 'VENDOR_TIMEOUT', message: 'ZEGO did not say within 2 minutes whether the recording started', text: { key: 'timeline.lostWhy.unconfirmed', params: { vendor: 'ZEGO' } } };
    i18n.global.locale.value = 'zh-CN';
    wrapper = mountWithApp(TaskCard, { props: { task: summary({ state: 'starting', error }), caps: undefined, selected: false, busy: undefined, status: { pausedSince: null, receiverOn: null }, secretHere: true } }) as VueWrapper;
    await flushPromises();
    expect(wrapper.get('[data-testid="card-error"]').text()).toBe(`VENDOR_TIMEOUT: ${i18n.global.t('timeline.lostWhy.unconfirmed', { vendor: 'ZEGO' })}`);
    expect(wrapper.get('[data-testid="card-error"]').text()).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps a failed stop beside its buttons with the vendor’s code, RequestId, the inspector and Retry', async () => {
    wrapper = mountWithApp(TaskCard, {
      props: { task: summary(), caps: undefined, selected: false, busy: undefined, status: { pausedSince: null, receiverOn: null }, secretHere: true, failure: { action: 'stop', error: REFUSED } },
    }) as VueWrapper;
    await flushPromises();
    const box = wrapper.get('[data-testid="action-failure"]');
    const shown = {
      title: box.get('.n-alert__header, .n-alert-body__title').text(),
      code: box.get('[data-testid="action-failure-code"]').text(),
      requestId: box.get('[data-testid="action-failure-request-id"]').text(),
      inspector: box.get('[data-testid="action-failure-inspector"]').attributes('href'),
    };
    await box.get('[data-testid="action-failure-retry"]').trigger('click');
    expect({ shown, emitted: wrapper.emitted('action') }).toEqual({
      shown: { title: 'Stop failed', code: 'Code 300010000', requestId: 'RequestId req-9f2', inspector: '#/tasks/t1?tab=inspector' },
      emitted: [['stop']],
    });
  });
});

describe('StatePill', () => {
  afterEach(() => {
    wrapper.unmount();
    i18n.global.locale.value = 'en';
  });

  it('never shows an end nobody asked for as a plain green Finished', async () => {
    wrapper = mountWithApp({ components: { StatePill }, template: '<div><state-pill state="finished" unexpected /><state-pill state="finished" /></div>' }) as VueWrapper;
    const labels = () => wrapper.findAll('[data-testid="state-pill"]').map((p) => [p.text(), p.attributes('data-unexpected') ?? null]);
    const english = labels();
    i18n.global.locale.value = 'zh-CN';
    await flushPromises();
    expect({ english, chinese: labels() }).toEqual({
      english: [
        ['Finished · ended without a stop', 'true'],
        ['Finished', null],
      ],
      chinese: [
        ['已完成 · 非人工停止', 'true'],
        ['已完成', null],
      ],
    });
  });
});

describe('TaskCard in team mode', () => {
  beforeEach(() => resetBridge());
  afterEach(() => wrapper.unmount());

  function card(secretHere: boolean) {
    const task = summary({ id: 't1', state: 'recording', mode: 'mixed' });
    const caps = { pause: true, resume: true, updateLayout: true } as never;
    wrapper = mountWithApp(TaskCard, { props: { task, caps, selected: false, busy: undefined, status: { pausedSince: null, receiverOn: null }, secretHere } }) as VueWrapper;
    const note = wrapper.find('[data-testid="secret-not-here-t1"]');
    return { ids: wrapper.findAll('footer [data-testid]').map((w) => w.attributes('data-testid')), refresh: wrapper.find('footer [title]').exists(), note: note.exists() ? note.text() : null };
  }

  it('shows a task whose account secret is not on this desk read-only, saying how to act on it', () => {
    const without = card(false);
    wrapper.unmount();
    const withSecret = card(true);
    expect({ without, withSecret }).toEqual({
      without: { ids: ['open-t1'], refresh: false, note: 'Secret not on this desk — add it to act (Accounts).' },
      withSecret: { ids: ['pause-t1', 'layout-t1', 'stop-t1', 'open-t1'], refresh: true, note: null },
    });
  });
});
