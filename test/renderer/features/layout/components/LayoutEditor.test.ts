import { MixSettingsSchema, type MixSettings } from '@contract';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import LayoutEditor from '../../../../../src-renderer/src/features/layout/components/LayoutEditor.vue';
import { applyTemplate } from '../../../../../src-renderer/src/features/layout/model/templates';
import { mountWithApp } from '../../../dom';

const start: MixSettings = applyTemplate(MixSettingsSchema.parse({ layoutMode: 'grid', width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000 }), 'grid-4');

let wrapper: VueWrapper;
function mountEditor(): VueWrapper {
  wrapper = mountWithApp(LayoutEditor, {
    props: {
      modelValue: start,
      vendor: 'zego',
      'onUpdate:modelValue': (mix: MixSettings) => void wrapper.setProps({ modelValue: mix }),
    },
  }) as VueWrapper;
  return wrapper;
}
const rect = (id: string) => wrapper.get(`[data-testid="layout-region-${id}"]`).attributes('data-rect');
const canvas = () => wrapper.get('[data-testid="layout-canvas"]');
const key = (key: string, mods: { ctrlKey?: boolean; shiftKey?: boolean } = {}) => canvas().trigger('keydown', { key, ...mods });
const last = (): MixSettings => (wrapper.emitted('update:modelValue') ?? []).at(-1)?.[0] as MixSettings;

describe('LayoutEditor keys and undo', () => {
  afterEach(() => wrapper.unmount());

  it('nudges the selected region with the arrows, 10 px with Shift, and one undo takes the whole burst back', async () => {
    mountEditor();
    const before = rect('r1');
    await wrapper.get('[data-testid="layout-row-r1"]').trigger('click');
    await key('ArrowRight');
    await key('ArrowDown', { shiftKey: true });
    expect(rect('r1')).toBe('1,10,640,360');
    expect(last().regions[0]).toMatchObject({ left: 1, top: 10 });
    await key('z', { ctrlKey: true });
    expect(rect('r1')).toBe(before);
    await key('z', { ctrlKey: true, shiftKey: true });
    expect(rect('r1')).toBe('1,10,640,360');
  });

  it('deletes the selected region with Delete and brings it back with Ctrl+Z; Ctrl+Y redoes', async () => {
    mountEditor();
    await wrapper.get('[data-testid="layout-row-r2"]').trigger('click');
    await key('Delete');
    expect(wrapper.find('[data-testid="layout-region-r2"]').exists()).toBe(false);
    expect(last().regions.map((r) => r.id)).toEqual(['r1', 'r3', 'r4']);
    await key('z', { ctrlKey: true });
    expect(wrapper.find('[data-testid="layout-region-r2"]').exists()).toBe(true);
    await key('y', { ctrlKey: true });
    expect(wrapper.find('[data-testid="layout-region-r2"]').exists()).toBe(false);
  });

  it('leaves keys typed into a field alone and lets Escape drop the selection', async () => {
    mountEditor();
    await wrapper.get('[data-testid="layout-row-r1"]').trigger('click');
    const field = wrapper.get('[data-testid="layout-region-left"] input');
    await field.trigger('keydown', { key: 'ArrowRight' });
    await field.trigger('keydown', { key: 'z', ctrlKey: true });
    expect(rect('r1')).toBe('0,0,640,360');
    await key('Escape');
    expect(wrapper.find('[data-testid="layout-region-props"]').exists()).toBe(false);
    await key('ArrowRight');
    expect(rect('r1')).toBe('0,0,640,360');
  });

  it('undoes a template with the toolbar button and disables it when there is nothing left', async () => {
    mountEditor();
    const undo = () => wrapper.get('[data-testid="layout-undo"]');
    expect(undo().attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="layout-template-grid-2"]').trigger('click');
    expect(last().regions).toHaveLength(2);
    await undo().trigger('click');
    expect(last().regions).toHaveLength(4);
    expect(undo().attributes('disabled')).toBeDefined();
  });
});
