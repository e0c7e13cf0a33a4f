import { randomBytes } from 'node:crypto';
import { VENDOR_IDS, type AccountCreateInput, type StorageTargetCreateInput, type VendorId } from '@contract';
import type { Logger } from '../logging/logger';
import type { SettingsRepo } from '../store/settings-repo';
import { emulatorControl, generateSandboxCredentials, type SandboxCredentials } from './credentials';
import { sandboxEmulators } from './index';
import { SANDBOX_VENDORS } from './registry';
import type { StoredSandboxAccount } from './seed';
import { createSandbox, type Sandbox } from './server';

const IDS_KEY = 'sandbox.ids';
const SEEDED_KEY = 'sandbox.seeded';

/** Which accounts (by vendor id) and storage target the Sandbox owns. */
type SandboxIds = Partial<Record<VendorId | 'storage', string>>;

/**
 * What the Sandbox needs of the accounts domain to keep its accounts. The core's account services
 * satisfy it as they are; the emulator sits below the services and never imports them.
 */
export interface SandboxAccountServices {
  accounts: {
    create(input: AccountCreateInput): Promise<{ id: string }>;
    update(input: { id: string; patch: { endpoint: string } }): Promise<unknown>;
    records(): ReadonlyArray<{ id: string }>;
    getAccountCredentials(id: string, options: { require: readonly string[] }): Promise<StoredSandboxAccount<VendorId>>;
  };
  storage: { create(input: StorageTargetCreateInput): Promise<{ id: string }> };
  secrets: { set(input: { owner: 'account'; id: string; field: string; value: string }): Promise<unknown> };
}

/** The Sandbox running inside the core, and the accounts that point at it. */
export interface InProcessSandbox {
  sandbox: Sandbox;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the Sandbox on 127.0.0.1 inside the core, its rooms with simulated publishers (a recording
 * there records instead of idling out; the control API publishes and stops more). On first launch it adds one "Sandbox · …"
 * account per vendor and a sandbox storage target, their random secrets in the keychain like any
 * other. At every launch it points them at this run's port and registers their secrets with the
 * emulators; secrets lost with a session-only keychain are made anew. Accounts the operator
 * deleted stay deleted.
 */
export async function startInProcessSandbox(deps: { services: SandboxAccountServices; settings: SettingsRepo; log: Logger }): Promise<InProcessSandbox> {
  const { services, settings, log } = deps;
  const sandbox = await createSandbox({ emulators: sandboxEmulators() });
  // A rehearsal room is never empty: a recording there records its simulated publishers.
  for (const vendor of VENDOR_IDS) await sandbox.control(vendor, 'simulate-publishers', { on: true });
  const endpoint = (vendor: VendorId): string => `${sandbox.baseUrl}/${vendor}`;
  const ids: SandboxIds = JSON.parse(settings.get(IDS_KEY) ?? '{}') as SandboxIds;

  if (settings.get(SEEDED_KEY) === null) {
    const creds = generateSandboxCredentials();
    for (const vendor of VENDOR_IDS) ids[vendor] = (await services.accounts.create(seedAccount(vendor, creds[vendor], endpoint(vendor)))).id;
    const storage = await services.storage.create({
      name: 'Sandbox · Storage (COS)', provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'sandbox-1250000000', pathPrefix: 'recdeck',
      secrets: { accessKeyId: `sandbox-${randomBytes(6).toString('hex')}`, accessKeySecret: randomBytes(16).toString('hex') },
    });
    ids.storage = storage.id;
    settings.set(IDS_KEY, JSON.stringify(ids));
    settings.set(SEEDED_KEY, '1');
    log.info('sandbox.seeded', { accounts: VENDOR_IDS.length, storageTargets: 1 });
  }

  for (const vendor of VENDOR_IDS) {
    const id = ids[vendor];
    if (!id || !services.accounts.records().some((r) => r.id === id)) continue;
    await services.accounts.update({ id, patch: { endpoint: endpoint(vendor) } });
    await restoreAccount(vendor, id, services, sandbox);
  }
  log.info('sandbox.started', { baseUrl: sandbox.baseUrl });
  return { sandbox, baseUrl: sandbox.baseUrl, close: () => sandbox.close() };
}

/** Ids of the accounts and storage target the Sandbox added, whether or not it runs now. */
export function sandboxOwnedIds(settings: SettingsRepo): ReadonlySet<string> {
  const ids = JSON.parse(settings.get(IDS_KEY) ?? '{}') as SandboxIds;
  return new Set(Object.values(ids).filter((v): v is string => typeof v === 'string'));
}

function seedAccount<V extends VendorId>(vendor: V, creds: SandboxCredentials[V], endpoint: string): AccountCreateInput {
  return SANDBOX_VENDORS[vendor].seed.account(creds, endpoint);
}

/** Registers an account's stored secrets with its emulator, making fresh ones where they are gone. */
async function restoreAccount<V extends VendorId>(vendor: V, id: string, services: SandboxAccountServices, sandbox: Sandbox): Promise<void> {
  const stored = await services.accounts.getAccountCredentials(id, { require: [] });
  if (stored.vendor !== vendor) return;
  const account = stored as StoredSandboxAccount<V>;
  const secrets: Partial<Record<string, string>> = account.secrets;
  const ensure = async (field: string, replacement: string): Promise<string> => {
    const current = secrets[field];
    if (current) return current;
    await services.secrets.set({ owner: 'account', id, field, value: replacement });
    return replacement;
  };
  await SANDBOX_VENDORS[vendor].seed.restore(account, ensure, emulatorControl(sandbox, vendor));
}
