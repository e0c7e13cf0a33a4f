import { SANDBOX_VENDORS } from './registry';
import type { EmulatorFactory } from './types';

export { createSandbox, type Sandbox } from './server';
export type { EmulatorFactory } from './types';
export { generateSandboxCredentials, registerSandboxApps, type SandboxCredentials } from './credentials';

/** Every emulated vendor, each mounted at `/<vendor id>`. */
export function sandboxEmulators(): EmulatorFactory[] {
  return Object.values(SANDBOX_VENDORS).map((v) => v.emulator);
}
