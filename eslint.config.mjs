import { builtinModules } from 'node:module';
import js from '@eslint/js';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('node:') && !m.startsWith('_'));

/** ARCHITECTURE §3: what each process may import. */
const rendererBoundary = {
  paths: [
    { name: 'electron', message: 'The renderer talks to the core only through src-renderer/src/bridge/.' },
    { name: 'axios', message: 'The renderer makes no network calls; vendor HTTP lives in src-main/vendors/.' },
    { name: 'keytar', message: 'Secrets never reach the renderer.' },
    ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.js.' })),
  ],
  patterns: [
    { regex: '^node:', message: 'The renderer has no Node.js.' },
    { group: ['**/src-main/**', '**/src-main'], message: 'The renderer may not import main-process code.' },
    {
      group: ['**/src-preload/**', '!**/src-preload/contract', '!**/src-preload/contract/**'],
      message: 'Only the contract (@contract) is shared with the preload.',
    },
  ],
};

/** What every core file may not import: electron (hosts/electron only), renderer code, the preload beyond the contract. */
const coreBoundary = {
  paths: [{ name: 'electron', message: 'The core never imports electron; only src-main/hosts/electron/ and src-main/index.ts do.' }],
  patterns: [
    { group: ['**/src-renderer/**'], message: 'Main may not import renderer code.' },
    { group: ['**/src-preload/**', '!**/src-preload/contract', '!**/src-preload/contract/**'], message: 'Only the contract (@contract) is shared.' },
  ],
};

/**
 * ARCHITECTURE §2: the core's folders in layers, top to bottom. A folder imports only from layers
 * below it; within a layer only what SIBLING_IMPORTS lists, each one way, so there is no loop.
 */
const CORE_LAYERS = [
  ['hosts'],
  ['app'],
  ['ipc'],
  ['tasks', 'accounts', 'history', 'settings', 'callbacks', 'scheduler', 'emulator', 'team'],
  ['vendors'],
  ['store', 'secrets', 'events', 'errors', 'logging', 'loopback'],
];
const SIBLING_IMPORTS = {
  tasks: ['accounts', 'scheduler'],
  history: ['settings'],
  // Team mode merges received tasks by the journal's own ranks (tasks/merge.ts); tasks never import team.
  team: ['tasks'],
  secrets: ['errors', 'logging'],
  store: ['errors'],
};

/**
 * One config block per layered folder and file depth: at depth d, `../` × d leads back to src-main,
 * so `^(../){d}<folder>` names exactly that top-level folder and never a same-named file nearer by.
 */
function coreLayerBlocks() {
  const blocks = [];
  CORE_LAYERS.forEach((layer, i) => {
    for (const folder of layer) {
      if (i === 0) continue;
      const allowed = SIBLING_IMPORTS[folder] ?? [];
      const forbidden = [
        ...CORE_LAYERS.slice(0, i)
          .flat()
          .map((other) => [other, `Layers (ARCHITECTURE §2): ${folder}/ sits below ${other}/ and may not import it.`]),
        ...layer
          .filter((other) => other !== folder && !allowed.includes(other))
          .map((other) => [other, `Layers (ARCHITECTURE §2): ${folder}/ may not import its sibling ${other}/.`]),
      ];
      for (let depth = 1; depth <= 4; depth++) {
        const up = '\\.\\./'.repeat(depth);
        // A vendor is reached through vendors/registry.ts and its adapter; only its emulator uses its signing directly.
        const vendorFolders =
          folder === 'vendors' || folder === 'emulator'
            ? []
            : [{ regex: `^${up}vendors/(?!shared/)[^/]+/`, message: 'Reach a vendor through vendors/registry.ts and its adapter, not through its folder.' }];
        blocks.push({
          files: [`src-main/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
          rules: {
            'no-restricted-imports': [
              'error',
              { ...coreBoundary, patterns: [...coreBoundary.patterns, ...forbidden.map(([other, message]) => ({ regex: `^${up}${other}(/|$)`, message })), ...vendorFolders] },
            ],
          },
        });
      }
    }
  });
  return blocks;
}

/** The contract imports only zod and itself: a file `depth` folders down may not climb out of it. */
function contractBoundary(depth) {
  const message = 'The contract imports only zod and itself.';
  return {
    files: [`src-preload/contract/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./|\\.\\./).*', message }, { regex: `^(\\.\\./){${depth + 1}}`, message }] }],
    },
  };
}

const noAxios = { selector: "ImportDeclaration[source.value='axios']", message: 'Vendor HTTP lives in src-main/vendors/.' };
const noKeytar = [
  { selector: "ImportDeclaration[source.value='keytar']", message: 'Only src-main/secrets/keytar-vault.ts imports keytar.' },
  { selector: "ImportExpression[source.value='keytar']", message: 'Only src-main/secrets/keytar-vault.ts imports keytar.' },
];

export default tseslint.config(
  { ignores: ['out/**', '.out-*/**', 'dist/**', 'node_modules/**', 'test-results/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', rendererBoundary] },
  },
  {
    // ARCHITECTURE §1: views and components reach the core through stores; only stores import the bridge.
    files: ['src-renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...rendererBoundary,
          patterns: [...rendererBoundary.patterns, { group: ['**/bridge', '**/bridge/**'], message: 'Only stores talk to the core: call a store action instead of the bridge.' }],
        },
      ],
    },
  },
  ...[0, 1, 2].map(contractBoundary),
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/hosts/electron/**', 'src-main/index.ts'],
    rules: { 'no-restricted-imports': ['error', coreBoundary] },
  },
  ...coreLayerBlocks(),
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/vendors/**', 'src-main/secrets/keytar-vault.ts'],
    rules: { 'no-restricted-syntax': ['error', noAxios, ...noKeytar] },
  },
  {
    files: ['src-main/vendors/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noKeytar] },
  },
  {
    files: ['src-main/secrets/keytar-vault.ts'],
    rules: { 'no-restricted-syntax': ['error', noAxios] },
  },
  {
    files: ['src-main/hosts/electron/**/*.ts', 'src-main/index.ts'],
    ignores: ['src-main/hosts/electron/ipc-transport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'Only hosts/electron/ipc-transport.ts registers IPC.' }] },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    ignores: ['src-preload/index.ts', 'src-preload/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-preload/index.ts touches Electron (the transport).' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
