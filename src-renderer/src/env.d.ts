/// <reference types="vite/client" />
import type { ExposedApiTyped } from './bridge/types';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare global {
  interface Window {
    /** Present only in the Electron host (built by the preload). */
    api?: ExposedApiTyped;
  }
}
