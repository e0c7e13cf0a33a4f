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

  it.each([
    ['src-main/vendors/zego/probe.ts', "import type { AccountsService } from '../../accounts';"],
    ['src-main/vendors/zego/probe.ts', "import { createCallbackReceiver } from '../../callbacks/receiver';"],
    ['src-main/vendors/shared/probe.ts', "import type { TaskService } from '../../tasks';"],
    ['src-main/vendors/probe.ts', "import type { TaskService } from '../tasks/task-service';"],
    ['src-main/store/probe.ts', "import type { ExchangeRecord } from '../vendors/adapter';"],
    ['src-main/scheduler/probe.ts', "import type { EventBus } from '../app/event-bus';"],
    ['src-main/ipc/handlers/probe.ts', "import { createCore } from '../../app/core';"],
    ['src-main/app/probe.ts', "import { startWebHost } from '../hosts/web/server';"],
    ['src-main/errors/probe.ts', "import type { Logger } from '../logging/logger';"],
    ['src-main/accounts/probe.ts', "import { createTaskService } from '../tasks';"],
    ['src-main/callbacks/probe.ts', "import type { AccountsService } from '../accounts';"],
    ['src-main/store/migrations/probe.ts', "import type { TaskService } from '../../tasks/task-service';"],
    ['src-main/ipc/handlers/probe.ts', "import { importLegacyStartBody } from '../../vendors/zego/legacy';"],
    ['src-main/tasks/probe.ts', "import { createTiwClient } from '../vendors/tencent-tiw/client';"],
    ['src-main/tasks/probe.ts', "import type { TeamService } from '../team';"],
    ['src-main/scheduler/probe.ts', "import { createTeamLimiter } from '../team/budget';"],
    ['src-main/team/probe.ts', "import { createDispatch } from '../ipc/dispatch';"],
    ['src-main/team/probe.ts', "import type { AccountsService } from '../accounts';"],
    ['src-main/store/probe.ts', "import { mergeTask } from '../team/task-merge';"],
  ])('keeps the core in layers: %s may not say %s', async (file, code) => {
    expect(await violations(file, code)).toHaveLength(1);
  });

  it('lets the core import down the layers and the siblings it is allowed', async () => {
    const allowed: Array<[string, string]> = [
      ['src-main/vendors/zego/probe.ts', "import type { CallbackParser } from '../callbacks';\nimport { AppFailure } from '../../errors/app-failure';"],
      ['src-main/tasks/probe.ts', "import type { AccountsService } from '../accounts';\nimport type { PollSource } from '../scheduler/types';\nimport { TaskLedger } from '../store/task-ledger';\nimport { adapterOf } from '../vendors/registry';\nimport { PREVIEW_MASK } from '../vendors/shared/preview';"],
      ['src-main/emulator/tencent-tiw/probe.ts', "import { verifyUserSig } from '../../vendors/tencent-tiw/usersig';"],
      ['src-main/history/probe.ts', "import type { SettingsService } from '../settings';"],
      ['src-main/team/probe.ts', "import { stateRank } from '../tasks/merge';\nimport { TeamStore } from '../store/team-store';\nimport type { RateLimiter } from '../vendors/shared/rate-limiter';"],
      ['src-main/app/probe.ts', "import { createTeamService } from '../team';"],
      ['src-main/ipc/handlers/probe.ts', "import type { TaskService } from '../../tasks';\nimport { appHandlers } from './app';"],
      ['src-main/app/probe.ts', "import { createDispatch } from '../ipc/dispatch';"],
      ['src-main/hosts/web/probe.ts', "import type { Core } from '../../app/core';\nimport { readBody } from '../../loopback/body';"],
    ];
    for (const [file, code] of allowed) expect([file, await violations(file, code)]).toEqual([file, []]);
  });

  it('lets only keytar-vault import keytar and only vendors import axios', async () => {
    expect(await violations('src-main/accounts/probe.ts', "import keytar from 'keytar';")).toHaveLength(1);
    expect(await violations('src-main/secrets/keytar-vault.ts', "const k = await import('keytar');")).toEqual([]);
    expect(await violations('src-main/tasks/probe.ts', "import axios from 'axios';")).toHaveLength(1);
    expect(await violations('src-main/vendors/zego/probe.ts', "import axios from 'axios';")).toEqual([]);
  });
});
