import { VENDOR_IDS, type VendorId } from '@contract';
import { SANDBOX_VENDORS, type SandboxCredentials } from './registry';
import type { EmulatorControl } from './seed';
import type { Sandbox } from './server';

export type { SandboxCredentials } from './registry';

/** Sends commands to one vendor's emulator in `sandbox`. */
export function emulatorControl(sandbox: Pick<Sandbox, 'control'>, vendor: VendorId): EmulatorControl {
  return (command, input) => sandbox.control(vendor, command, input);
}

function generateFor<V extends VendorId>(vendor: V, env: NodeJS.ProcessEnv): SandboxCredentials[V] {
  return SANDBOX_VENDORS[vendor].seed.generate(env);
}

/** Fresh random credentials for every Sandbox vendor; `env` may fix some of them (see each vendor's seed). */
export function generateSandboxCredentials(env: NodeJS.ProcessEnv = {}): SandboxCredentials {
  return Object.fromEntries(VENDOR_IDS.map((vendor) => [vendor, generateFor(vendor, env)])) as SandboxCredentials;
}

async function registerFor<V extends VendorId>(sandbox: Sandbox, vendor: V, creds: SandboxCredentials[V] | undefined): Promise<void> {
  if (creds) await SANDBOX_VENDORS[vendor].seed.register(emulatorControl(sandbox, vendor), creds);
}

/** Tells the Sandbox's emulators to accept these credentials. */
export async function registerSandboxApps(sandbox: Sandbox, creds: Partial<SandboxCredentials>): Promise<void> {
  for (const vendor of VENDOR_IDS) await registerFor(sandbox, vendor, creds[vendor]);
}

function describeFor<V extends VendorId>(vendor: V, creds: SandboxCredentials[V], endpoint: string): string[] {
  return SANDBOX_VENDORS[vendor].seed.describe(creds, endpoint);
}

/** Where each vendor is reached in the Sandbox at `baseUrl`, and with which credentials. */
export function describeSandboxCredentials(baseUrl: string, creds: SandboxCredentials): string[] {
  return VENDOR_IDS.flatMap((vendor) => describeFor(vendor, creds[vendor], `${baseUrl}/${vendor}`));
}
