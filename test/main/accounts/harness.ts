import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { createAccountServices, type AccountServices } from '../../../src-main/accounts';
import type { SecretVault } from '../../../src-main/secrets/secret-vault';
import { createVault } from '../../../src-main/secrets/vault';
import { openDatabase } from '../../../src-main/store/db';
import { capturingLogger, purgeKeychain, tempDir, uniqueService } from '../support';

/** A core slice over a real SQLite file and the real keychain; `restart()` closes and reopens both. */
export interface Harness {
  services: AccountServices;
  db: DatabaseSync;
  vault: SecretVault;
  file: string;
  /** The keychain service this harness uses. */
  service: string;
  lines: string[];
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function openHarness(options: { countTasksForAccount?: (id: string) => number; env?: Record<string, string> } = {}): Promise<Harness> {
  const tmp = tempDir();
  const service = uniqueService();
  const file = join(tmp.dir, 'recdeck.sqlite');
  const { log, lines } = capturingLogger();
  let clock = 1_700_000_000_000;
  const build = async () => {
    const db = openDatabase(file);
    const vault = await createVault({ log, service, env: options.env ?? {} });
    const services = createAccountServices({
      db,
      vault,
      log,
      now: () => (clock += 1000),
      ...(options.countTasksForAccount ? { countTasksForAccount: options.countTasksForAccount } : {}),
    });
    return { db, vault, services };
  };
  const h: Harness = {
    ...(await build()),
    file,
    service,
    lines,
    async restart() {
      h.db.close();
      Object.assign(h, await build());
    },
    async dispose() {
      if (h.db.isOpen) h.db.close();
      await purgeKeychain(service);
      tmp.cleanup();
    },
  };
  return h;
}

/** The error a rejected promise carried, as the renderer would see it. */
export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const converted = (e as { toAppError?: () => { code: string; message: string; details?: Record<string, unknown> } }).toAppError;
    if (converted) return converted.call(e);
    throw e;
  }
  throw new Error('expected a failure');
}

export const ZEGO = { vendor: 'zego', name: 'Studio A', environment: 'test', fields: { appId: 1234567890, regionHost: 'cloudrecord-api-sha.zego.im' } } as const;
export const TIW = { vendor: 'tencent-tiw', name: 'Whiteboard', fields: { sdkAppId: 1400000001, region: 'ap-guangzhou' } } as const;
export const TRRO = { vendor: 'tencent-trro', name: 'Remote ops', fields: { projectId: 'm82k5408n123phvb' } } as const;
export const COS = { name: 'COS main', provider: 'tencent-cos', region: 'ap-nanjing', bucket: 'recording-1304123456', pathPrefix: 'studio/a' } as const;
