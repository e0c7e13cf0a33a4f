import { randomBytes, randomInt } from 'node:crypto';
import type { Sandbox } from './server';

/** One set of sandbox vendor credentials: random per install, never a real vendor key. */
export interface SandboxCredentials {
  zego: { appId: number; serverSecret: string; callbackSecret: string };
  tiw: { sdkAppId: number; secretId: string; secretKey: string; sdkSecretKey: string };
  trro: { projectId: string; secretId: string; secretKey: string };
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const lowerAlnum = (length: number): string =>
  Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[randomInt(36)]).join('');

/** Fresh random credentials for the three sandbox vendors. */
export function generateSandboxCredentials(zegoSecret?: string): SandboxCredentials {
  return {
    zego: { appId: randomInt(1_000_000_000, 2_000_000_000), serverSecret: zegoSecret || hex(16), callbackSecret: hex(8) },
    tiw: { sdkAppId: randomInt(1_400_000_000, 1_400_999_999), secretId: `AKIDsandbox${hex(10)}`, secretKey: hex(16), sdkSecretKey: hex(32) },
    trro: { projectId: lowerAlnum(16), secretId: `AKIDsandbox${hex(10)}`, secretKey: hex(16) },
  };
}

/** Tells the Sandbox's emulators to accept these credentials. */
export async function registerSandboxApps(sandbox: Sandbox, creds: Partial<SandboxCredentials>): Promise<void> {
  if (creds.zego) await sandbox.control('zego', 'register-app', creds.zego);
  if (creds.tiw) await sandbox.control('tencent-tiw', 'register-app', creds.tiw);
  if (creds.trro) await sandbox.control('tencent-trro', 'register-project', creds.trro);
}
