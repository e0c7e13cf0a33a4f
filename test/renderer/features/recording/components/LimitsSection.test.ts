import type { Account } from '@contract';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, provide, toRef } from 'vue';
import { useAccountsStore } from '../../../../../src-renderer/src/features/accounts/stores/accounts';
import LimitsSection from '../../../../../src-renderer/src/features/recording/components/sections/LimitsSection.vue';
import { createRequestEditor, REQUEST_EDITOR } from '../../../../../src-renderer/src/features/recording/model/request-editor';
import { useRecordingFormStore } from '../../../../../src-renderer/src/features/recording/stores/recording-form';
import { i18n } from '../../../../../src-renderer/src/i18n';
import { mountWithApp } from '../../../dom';
import { handle, resetBridge } from '../../../fake-bridge';

vi.mock('../../../../../src-renderer/src/bridge', () => import('../../../fake-bridge'));

let wrapper: VueWrapper;

/** The section inside the form's request editor, as the New-recording view provides it. */
const InForm = defineComponent(() => {
  provide(REQUEST_EDITOR, createRequestEditor(toRef(useRecordingFormStore(), 'request'), () => undefined));
  return () => h(LimitsSection);
});

describe('LimitsSection', () => {
  beforeEach(() => resetBridge());
  afterEach(() => {
    wrapper.unmount();
    i18n.global.locale.value = 'en';
  });

  it('names the vendor’s own idle stop while the field is empty, in both languages', async () => {
    handle('accounts:list', () => ({ ok: true, value: [{ id: 'a1', vendor: 'zego', name: 'Z' } as Account] }));
    handle('storage:list', () => ({ ok: true, value: [] }));
    wrapper = mountWithApp(InForm) as VueWrapper;
    await useAccountsStore().refresh();
    const form = useRecordingFormStore();
    form.ensureAccount();
    form.request = { ...form.request, maxIdleSec: null };
    await flushPromises();
    const help = () => wrapper.get('[data-testid="section-limits"]').text();
    const english = help();
    i18n.global.locale.value = 'zh-CN';
    await flushPromises();
    expect([english.includes('ZEGO Cloud Recording default: 30 s.'), help().includes('ZEGO 云端录制 默认：30 秒。')]).toEqual([true, true]);
  });
});
