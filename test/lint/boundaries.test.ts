import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('import boundaries (ARCHITECTURE §3)', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';"],
    ["import axios from 'axios';"],
    ["import keytar from 'keytar';"],
    ["import { readFileSync } from 'node:fs';"],
    ["import { readFileSync } from 'fs';"],
    ["import { createCore } from '../../../src-main/app/core';"],
    ["import { buildApi } from '../../../src-preload/api';"],
  ])('refuses %s in the renderer', async (code) => {
    expect(await violations('src-renderer/src/views/Probe.ts', code)).toHaveLength(1);
  });

  it('lets the renderer import the contract', async () => {
    expect(await violations('src-renderer/src/views/Probe.ts', "import { ERROR_CODES } from '@contract';\nimport { x } from '../../../src-preload/contract/result';")).toEqual([]);
  });

  it('lets only stores import the bridge, never a view or component', async () => {
    const code = "import { call } from '../../../bridge';";
    expect(await violations('src-renderer/src/features/monitor/stores/probe.ts', code)).toEqual([]);
    expect(await violations('src-renderer/src/features/monitor/views/ProbeView.vue', `<script setup lang="ts">\n${code}\n</script>\n`)).toHaveLength(1);
    expect(await violations('src-renderer/src/ui/ProbeField.vue', "<script setup lang=\"ts\">\nimport { on } from '../bridge/index';\n</script>\n")).toHaveLength(1);
    expect(await violations('src-renderer/src/ui/ProbeField.vue', "<script setup lang=\"ts\">\nimport { readFileSync } from 'node:fs';\n</script>\n")).toHaveLength(1);
  });

  it('keeps the contract to zod and itself', async () => {
    expect(await violations('src-preload/contract/probe.ts', "import { z } from 'zod';\nimport { ok } from './result';")).toEqual([]);
    expect(await violations('src-preload/contract/probe.ts', "import axios from 'axios';")).toHaveLength(1);
    expect(await violations('src-preload/contract/probe.ts', "import { join } from 'node:path';")).toHaveLength(1);
    expect(await violations('src-preload/contract/probe.ts', "import { buildApi } from '../api';")).toHaveLength(1);
  });

  it('lets a vendor module of the contract reach the contract root but not climb out of it', async () => {
    expect(await violations('src-preload/contract/vendors/zego/probe.ts', "import { NameSchema } from '../../common';\nimport { error } from '../checks';")).toEqual([]);
    expect(await violations('src-preload/contract/vendors/zego/probe.ts', "import { buildApi } from '../../../api';")).toHaveLength(1);
    expect(await violations('src-preload/contract/vendors/probe.ts', "import { buildApi } from '../../api';")).toHaveLength(1);
  });

  it('keeps electron out of the core', async () => {
    expect(await violations('src-main/tasks/probe.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(await violations('src-main/hosts/electron/probe.ts', "import { app } from 'electron';")).toEqual([]);
  });

  it('lets only the IPC transports touch ipcMain and ipcRenderer', async () => {
    expect(await violations('src-main/hosts/electron/window.ts', "import { ipcMain } from 'electron';")).toHaveLength(1);
    expect(await violations('src-main/hosts/electron/ipc-transport.ts', "import { ipcMain } from 'electron';")).toEqual([]);
    expect(await violations('src-preload/api.ts', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(await violations('src-preload/index.ts', "import { ipcRenderer } from 'electron';")).toEqual([]);
  });

  it('lets only keytar-vault import keytar and only vendors import axios', async () => {
    expect(await violations('src-main/accounts/probe.ts', "import keytar from 'keytar';")).toHaveLength(1);
    expect(await violations('src-main/secrets/keytar-vault.ts', "const k = await import('keytar');")).toEqual([]);
    expect(await violations('src-main/tasks/probe.ts', "import axios from 'axios';")).toHaveLength(1);
    expect(await violations('src-main/vendors/zego/probe.ts', "import axios from 'axios';")).toEqual([]);
  });
});
