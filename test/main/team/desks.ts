import { randomUUID } from 'node:crypto';
import type { InvokeChannel, OutputOf, RawInputOf, Result } from '@contract';
import type { Core } from '../../../src-main/app/core';
import { startStandaloneSandbox } from '../../../src-main/emulator/standalone';
import type { Sandbox } from '../../../src-main/emulator/server';
import type { SandboxCredentials } from '../../../src-main/emulator/registry';
import { testCore, unwrap } from '../../helpers/core';

/** One desk: a real core on its own data dir (secrets for the session), and a typed caller. */
export interface Desk {
  core: Core;
  dataDir: string;
  call: <C extends InvokeChannel>(channel: C, input: RawInputOf<C>) => Promise<Result<OutputOf<C>>>;
  /** Everything the desk logged (JSON lines). */
  logText: () => string;
  /** Calls and unwraps. */
  ok: <C extends InvokeChannel>(channel: C, input: RawInputOf<C>) => Promise<OutputOf<C>>;
}

/** A desk named `name` (no in-process Sandbox: the desks share one standalone Sandbox like real desks share a vendor). */
export async function openDesk(name: string, dataDir?: string): Promise<Desk> {
  const env = await testCore({ sandbox: false, ...(dataDir ? { dataDir } : {}) });
  const desk: Desk = { core: env.core, dataDir: env.dataDir, call: env.call, logText: env.logText, ok: async (channel, input) => unwrap(await env.call(channel, input)) };
  await desk.ok('team:setDeskName', { name });
  return desk;
}

/** The Sandbox every desk talks to, as a studio's desks all talk to the same vendor. */
export async function sharedSandbox(): Promise<{ sandbox: Sandbox; credentials: SandboxCredentials }> {
  return startStandaloneSandbox(0, { print: () => undefined, env: {} });
}

/** The studio's ZEGO account and storage target, created on `desk` with their secrets. */
export async function studioAccount(desk: Desk, sandbox: Sandbox, credentials: SandboxCredentials): Promise<{ accountId: string; storageId: string }> {
  const account = await desk.ok('accounts:create', {
    vendor: 'zego',
    name: 'Studio ZEGO',
    environment: 'production',
    endpoint: `${sandbox.baseUrl}/zego`,
    fields: { appId: credentials.zego.appId, regionHost: 'cloudrecord-api.zego.im' },
    secrets: { serverSecret: credentials.zego.serverSecret },
  });
  const storage = await desk.ok('storage:create', {
    name: 'Studio COS',
    provider: 'tencent-cos',
    region: 'ap-guangzhou',
    bucket: 'studio-1250000000',
    pathPrefix: 'rec',
    secrets: { accessKeyId: 'AKIDstudiokey0000000000000000000001', accessKeySecret: 'studio-storage-secret-value-000001' },
  });
  return { accountId: account.id, storageId: storage.id };
}

/** Starts a recording of `room` on the shared Sandbox from `desk`. */
export async function startRecording(desk: Desk, sandbox: Sandbox, ids: { accountId: string; storageId: string }, room: string): Promise<OutputOf<'tasks:start'>> {
  await sandbox.control('zego', 'publish-stream', { roomId: room, streamId: `cam-${room}`, userId: `host-${room}` });
  return desk.ok('tasks:start', { accountId: ids.accountId, startKey: randomUUID(), presetId: null, request: { roomId: room, storageTargetId: ids.storageId, maxIdleSec: 3600 } });
}

/** Waits until `check` holds (polling every 100 ms), or fails after `timeoutMs`. */
export async function until<T>(what: string, read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
