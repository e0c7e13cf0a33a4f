import { randomBytes } from 'node:crypto';
import type { VendorId } from '@contract';
import type { AccountServices } from '../accounts';
import { createSandbox, generateSandboxCredentials, registerSandboxApps, sandboxEmulators, type Sandbox } from './index';
import type { Logger } from '../logging/logger';
import type { SettingsRepo } from '../store/settings-repo';

const IDS_KEY = 'sandbox.ids';
const SEEDED_KEY = 'sandbox.seeded';

/** Which accounts and storage target the Sandbox owns. */
interface SandboxIds {
  zego?: string;
  'tencent-tiw'?: string;
  'tencent-trro'?: string;
  storage?: string;
}

/** The Sandbox running inside the core, and the accounts that point at it. */
export interface InProcessSandbox {
  sandbox: Sandbox;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the Sandbox on 127.0.0.1 inside the core. On first launch it adds "Sandbox · ZEGO",
 * "Sandbox · Tencent TIW", "Sandbox · Tencent TRRO" and a sandbox storage target, their random
 * secrets in the keychain like any other. At every launch it points them at this run's port and
 * registers their secrets with the emulators; secrets lost with a session-only keychain are made
 * anew. Accounts the operator deleted stay deleted.
 */
export async function startInProcessSandbox(deps: { services: AccountServices; settings: SettingsRepo; log: Logger }): Promise<InProcessSandbox> {
  const { services, settings, log } = deps;
  const sandbox = await createSandbox({ emulators: sandboxEmulators() });
  const endpoint = (vendor: VendorId): string => `${sandbox.baseUrl}/${vendor}`;
  const ids: SandboxIds = JSON.parse(settings.get(IDS_KEY) ?? '{}') as SandboxIds;

  if (settings.get(SEEDED_KEY) === null) {
    const c = generateSandboxCredentials();
    const zego = await services.accounts.create({
      vendor: 'zego', name: 'Sandbox · ZEGO', environment: 'production', endpoint: endpoint('zego'),
      fields: { appId: c.zego.appId, regionHost: 'cloudrecord-api.zego.im' }, secrets: { serverSecret: c.zego.serverSecret },
    });
    const tiw = await services.accounts.create({
      vendor: 'tencent-tiw', name: 'Sandbox · Tencent TIW', endpoint: endpoint('tencent-tiw'),
      fields: { sdkAppId: c.tiw.sdkAppId, region: 'ap-singapore' },
      secrets: { secretId: c.tiw.secretId, secretKey: c.tiw.secretKey, sdkSecretKey: c.tiw.sdkSecretKey },
    });
    const trro = await services.accounts.create({
      vendor: 'tencent-trro', name: 'Sandbox · Tencent TRRO', endpoint: endpoint('tencent-trro'),
      fields: { projectId: c.trro.projectId }, secrets: { secretId: c.trro.secretId, secretKey: c.trro.secretKey },
    });
    const storage = await services.storage.create({
      name: 'Sandbox · Storage (COS)', provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'sandbox-1250000000', pathPrefix: 'recdeck',
      secrets: { accessKeyId: `sandbox-${randomBytes(6).toString('hex')}`, accessKeySecret: randomBytes(16).toString('hex') },
    });
    Object.assign(ids, { zego: zego.id, 'tencent-tiw': tiw.id, 'tencent-trro': trro.id, storage: storage.id });
    settings.set(IDS_KEY, JSON.stringify(ids));
    settings.set(SEEDED_KEY, '1');
    log.info('sandbox.seeded', { accounts: 3, storageTargets: 1 });
  }

  for (const vendor of ['zego', 'tencent-tiw', 'tencent-trro'] as const) {
    const id = ids[vendor];
    if (!id || !services.accounts.records().some((r) => r.id === id)) continue;
    await services.accounts.update({ id, patch: { endpoint: endpoint(vendor) } });
    await reRegister(id, services, sandbox);
  }
  log.info('sandbox.started', { baseUrl: sandbox.baseUrl });
  return { sandbox, baseUrl: sandbox.baseUrl, close: () => sandbox.close() };
}

/** Ids of the accounts and storage target the Sandbox added, whether or not it runs now. */
export function sandboxOwnedIds(settings: SettingsRepo): ReadonlySet<string> {
  const ids = JSON.parse(settings.get(IDS_KEY) ?? '{}') as SandboxIds;
  return new Set(Object.values(ids).filter((v): v is string => typeof v === 'string'));
}

/** Registers an account's stored secrets with its emulator, making fresh ones where they are gone. */
async function reRegister(id: string, services: AccountServices, sandbox: Sandbox): Promise<void> {
  const fresh = generateSandboxCredentials();
  const creds = await services.accounts.getAccountCredentials(id, { require: [] });
  const ensure = async (field: string, current: string | undefined, replacement: string): Promise<string> => {
    if (current) return current;
    await services.secrets.set({ owner: 'account', id, field, value: replacement });
    return replacement;
  };
  if (creds.vendor === 'zego') {
    const serverSecret = await ensure('serverSecret', creds.secrets.serverSecret, fresh.zego.serverSecret);
    const callbackSecret = await ensure('callbackSecret', creds.secrets.callbackSecret, fresh.zego.callbackSecret);
    await registerSandboxApps(sandbox, { zego: { appId: creds.fields.appId, serverSecret, callbackSecret } });
  } else if (creds.vendor === 'tencent-tiw') {
    await registerSandboxApps(sandbox, {
      tiw: {
        sdkAppId: creds.fields.sdkAppId,
        secretId: await ensure('secretId', creds.secrets.secretId, fresh.tiw.secretId),
        secretKey: await ensure('secretKey', creds.secrets.secretKey, fresh.tiw.secretKey),
        sdkSecretKey: await ensure('sdkSecretKey', creds.secrets.sdkSecretKey, fresh.tiw.sdkSecretKey),
      },
    });
    await ensure('callbackKey', creds.secrets.callbackKey, randomBytes(12).toString('hex'));
  } else {
    await registerSandboxApps(sandbox, {
      trro: {
        projectId: creds.fields.projectId,
        secretId: await ensure('secretId', creds.secrets.secretId, fresh.trro.secretId),
        secretKey: await ensure('secretKey', creds.secrets.secretKey, fresh.trro.secretKey),
      },
    });
    await ensure('signKey', creds.secrets.signKey, randomBytes(12).toString('hex'));
  }
}
