import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { AppError, ForeignTask, RecordingRequestInput, TaskAlert, TaskSummary, VendorId } from '@contract';
import { RecordingRequestSchema } from '@contract';
import { createAccountServices, type AccountServices } from '../../../src-main/accounts';
import { createVirtualClock } from '../../../src-main/emulator/clock';
import { createSandbox, generateSandboxCredentials, registerSandboxApps, sandboxEmulators, type Sandbox, type SandboxCredentials } from '../../../src-main/emulator/index';
import type { SecretVault } from '../../../src-main/secrets/secret-vault';
import { createVault } from '../../../src-main/secrets/vault';
import { openDatabase } from '../../../src-main/store/db';
import { createTaskService, type TaskService } from '../../../src-main/tasks';
import type { VendorDeps } from '../../../src-main/vendors/adapter';
import { toAppError } from '../../../src-main/errors/app-failure';
import { createConnectionCache, type ConnectionCache } from '../../../src-main/vendors/connections';
import { createClockSkewStore } from '../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../src-main/vendors/shared/rate-limiter';
import { capturingLogger, tempDir } from '../support';

/** Ids of the accounts and storage target a harness creates. */
export interface HarnessIds {
  zego: string;
  tiw: string;
  trro: string;
  storage: string;
}

/**
 * A task service over a real SQLite file, real account services (session vault) and the real
 * Sandbox on 127.0.0.1 with a virtual clock that moves only when told to.
 */
export interface TaskHarness {
  tasks: TaskService;
  services: AccountServices;
  db: DatabaseSync;
  file: string;
  dir: string;
  sandbox: Sandbox;
  creds: SandboxCredentials;
  storageKeys: { accessKeyId: string; accessKeySecret: string };
  ids: HarnessIds;
  changed: TaskSummary[];
  alerts: TaskAlert[];
  /** Every foreign-task list the service announced, in order. */
  foreign: ForeignTask[][];
  lines: string[];
  vendorDeps: VendorDeps;
  connections: ConnectionCache;
  advance(ms: number): Promise<void>;
  /** Closes the database and opens a fresh service over the same file (a relaunch). */
  relaunch(): Promise<void>;
  dispose(): Promise<void>;
}

/** A parsed request from a partial one. */
export function request(input: RecordingRequestInput) {
  return RecordingRequestSchema.parse(input);
}

/** What a harness may change: a real keychain service instead of the session vault, and a wrapper around the vault. */
export interface TaskHarnessOptions {
  keychainService?: string;
  wrapVault?: (vault: SecretVault) => SecretVault;
  /**
   * Runs the rate limiter on the Sandbox's virtual clock, so polls spaced by `advance` are not held
   * back in wall time. Only for tests that never send faster than a lane's rate: a request that had to
   * wait would wait for a clock that moves only when the test advances it.
   */
  limiterOnSandboxClock?: boolean;
  /** Where each account's callbacks go (the task service's `callbackTarget`); asked at every start. */
  callbackTarget?: (vendor: VendorId, accountId: string) => string | null;
}

export async function openTaskHarness(options: TaskHarnessOptions = {}): Promise<TaskHarness> {
  const tmp = tempDir('recdeck-tasks-');
  const file = join(tmp.dir, 'recdeck.sqlite');
  const clock = createVirtualClock({ speed: 0 });
  const sandbox = await createSandbox({ emulators: sandboxEmulators(), clock });
  const creds = generateSandboxCredentials();
  await registerSandboxApps(sandbox, creds);
  const storageKeys = { accessKeyId: `AKIDstorage${creds['tencent-tiw'].secretKey.slice(0, 8)}`, accessKeySecret: `storage-secret-${creds['tencent-trro'].secretKey}` };
  const { log, lines } = capturingLogger();
  const vendorDeps: VendorDeps = {
    limiter: options.limiterOnSandboxClock ? createRateLimiter({ now: () => clock.now() }) : createRateLimiter(),
    skew: createClockSkewStore(),
    timeoutMs: 3000,
    now: () => clock.now(),
    sleep: async () => undefined,
  };
  const changed: TaskSummary[] = [];
  const alerts: TaskAlert[] = [];
  const foreign: ForeignTask[][] = [];

  const build = async () => {
    const db = openDatabase(file);
    const env = options.keychainService ? { RECDECK_KEYCHAIN_SERVICE: options.keychainService } : { RECDECK_KEYCHAIN: 'session' };
    const opened = await createVault({ log, env });
    const vault = options.wrapVault ? options.wrapVault(opened) : opened;
    const connections = createConnectionCache({ vendorDeps, loadCredentials: (id, require) => services.accounts.getAccountCredentials(id, { require }) });
    const services = createAccountServices({ db, vault, log, now: () => clock.now(), onAccountChanged: (id) => connections.drop(id) });
    const tasks = createTaskService({
      db,
      accounts: services,
      connections,
      emitChanged: (s) => changed.push(s),
      emitAlert: (a) => alerts.push(a),
      emitForeign: (list) => foreign.push(list),
      log,
      now: () => clock.now(),
      ...(options.callbackTarget ? { callbackTarget: options.callbackTarget } : {}),
    });
    return { db, services, tasks, connections };
  };

  const first = await build();
  const endpoint = (v: string) => `${sandbox.baseUrl}/${v}`;
  const zego = await first.services.accounts.create({
    vendor: 'zego', name: 'Z', environment: 'production', endpoint: endpoint('zego'),
    fields: { appId: creds.zego.appId }, secrets: { serverSecret: creds.zego.serverSecret },
  });
  const tiw = await first.services.accounts.create({
    vendor: 'tencent-tiw', name: 'T', endpoint: endpoint('tencent-tiw'), fields: { sdkAppId: creds['tencent-tiw'].sdkAppId, region: 'ap-singapore' },
    secrets: { secretId: creds['tencent-tiw'].secretId, secretKey: creds['tencent-tiw'].secretKey, sdkSecretKey: creds['tencent-tiw'].sdkSecretKey },
  });
  const trro = await first.services.accounts.create({
    vendor: 'tencent-trro', name: 'R', endpoint: endpoint('tencent-trro'), fields: { projectId: creds['tencent-trro'].projectId },
    secrets: { secretId: creds['tencent-trro'].secretId, secretKey: creds['tencent-trro'].secretKey },
  });
  const storage = await first.services.storage.create({
    name: 'COS', provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'rec-1250000000', pathPrefix: 'deck', secrets: storageKeys,
  });
  const ids = { zego: zego.id, tiw: tiw.id, trro: trro.id, storage: storage.id };

  const h: TaskHarness = {
    ...first,
    file,
    dir: tmp.dir,
    sandbox,
    creds,
    storageKeys,
    ids,
    changed,
    alerts,
    foreign,
    lines,
    vendorDeps,
    advance: (ms) => clock.advance(ms),
    async relaunch() {
      h.db.close();
      Object.assign(h, await build());
      await restoreSecrets(h);
    },
    async dispose() {
      if (h.db.isOpen) h.db.close();
      await sandbox.close();
      clock.dispose();
      tmp.cleanup();
    },
  };
  return h;
}

/** Puts the sandbox secrets back into a fresh session vault (a relaunch without a keychain). */
export async function restoreSecrets(h: TaskHarness): Promise<void> {
  const set = (owner: 'account' | 'storage', id: string, field: string, value: string) => h.services.secrets.set({ owner, id, field, value });
  await set('account', h.ids.zego, 'serverSecret', h.creds.zego.serverSecret);
  await set('account', h.ids.tiw, 'secretId', h.creds['tencent-tiw'].secretId);
  await set('account', h.ids.tiw, 'secretKey', h.creds['tencent-tiw'].secretKey);
  await set('account', h.ids.tiw, 'sdkSecretKey', h.creds['tencent-tiw'].sdkSecretKey);
  await set('account', h.ids.trro, 'secretId', h.creds['tencent-trro'].secretId);
  await set('account', h.ids.trro, 'secretKey', h.creds['tencent-trro'].secretKey);
  await set('storage', h.ids.storage, 'accessKeyId', h.storageKeys.accessKeyId);
  await set('storage', h.ids.storage, 'accessKeySecret', h.storageKeys.accessKeySecret);
}

/** Every secret value the harness knows, for leak searches. */
export function allSecrets(h: TaskHarness): string[] {
  return [
    h.creds.zego.serverSecret,
    h.creds['tencent-tiw'].secretId,
    h.creds['tencent-tiw'].secretKey,
    h.creds['tencent-tiw'].sdkSecretKey,
    h.creds['tencent-trro'].secretId,
    h.creds['tencent-trro'].secretKey,
    h.storageKeys.accessKeyId,
    h.storageKeys.accessKeySecret,
  ];
}

let keySeq = 0;
/** A fresh start key. */
export function startKey(): string {
  keySeq += 1;
  return `start-key-${process.pid}-${keySeq}-${Date.now()}`;
}

export const MIX = {
  layoutMode: 'grid',
  width: 1280,
  height: 720,
  fps: 15,
  bitrateBps: 1_500_000,
  outputStreamId: 'mix-out',
} as const;

/** The wire shape of what a promise rejects with; fails the test when it resolves. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return toAppError(e);
  }
  throw new Error('expected a failure');
}
