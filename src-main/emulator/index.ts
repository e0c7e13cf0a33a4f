import type { EmulatorFactory } from './server';
import { createTiwEmulator } from './tencent-tiw';
import { createTrroEmulator } from './tencent-trro';
import { createZegoEmulator } from './zego';

export { createSandbox, type EmulatorFactory, type Sandbox } from './server';
export { generateSandboxCredentials, registerSandboxApps, type SandboxCredentials } from './credentials';

/** The three emulated vendors, mounted at `/zego`, `/tencent-tiw` and `/tencent-trro`. */
export function sandboxEmulators(): EmulatorFactory[] {
  return [createZegoEmulator(), createTiwEmulator, createTrroEmulator];
}
