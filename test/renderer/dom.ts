import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { i18n } from '../../src-renderer/src/i18n';

/** Mounts a renderer component with the app's i18n and a fresh Pinia, attached to the document so focus and keys work. */
export function mountWithApp<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  return mount(component, { ...options, attachTo: document.body, global: { plugins: [i18n, pinia] } } as ComponentMountingOptions<C>);
}
