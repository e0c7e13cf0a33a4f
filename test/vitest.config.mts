import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const alias = { '@contract': fileURLToPath(new URL('../src-preload/contract', import.meta.url)) };

/** Renderer tests that need a document: stores (with a fake bridge) and components. */
const DOM_TESTS = ['test/renderer/**/{stores,components}/**/*.test.ts'];

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          root,
          environment: 'node',
          include: ['test/{contract,main,preload,lint}/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        plugins: [vue()],
        test: {
          name: 'renderer',
          root,
          environment: 'node',
          include: ['test/renderer/**/*.test.ts'],
          exclude: DOM_TESTS,
        },
      },
      {
        resolve: { alias },
        plugins: [vue()],
        test: {
          name: 'dom',
          root,
          environment: 'happy-dom',
          include: DOM_TESTS,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          root,
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'bench',
          root,
          environment: 'node',
          include: ['test/bench/**/*.bench.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
