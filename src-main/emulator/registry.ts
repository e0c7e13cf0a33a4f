import type { VendorId } from '@contract';
import type { SandboxSeed } from './seed';
import { createTiwEmulator } from './tencent-tiw';
import { tiwSeed } from './tencent-tiw/seed';
import { createTrroEmulator } from './tencent-trro';
import { trroSeed } from './tencent-trro/seed';
import type { EmulatorFactory } from './types';
import { createZegoEmulator } from './zego';
import { zegoSeed } from './zego/seed';

/** One vendor in the Sandbox: its emulator, mounted at `/<vendor id>`, and its seed account. */
export interface SandboxVendor<V extends VendorId, C> {
  emulator: EmulatorFactory;
  seed: SandboxSeed<V, C>;
}

const VENDORS = {
  zego: { emulator: createZegoEmulator(), seed: zegoSeed },
  'tencent-tiw': { emulator: createTiwEmulator, seed: tiwSeed },
  'tencent-trro': { emulator: createTrroEmulator, seed: trroSeed },
} satisfies { [V in VendorId]: SandboxVendor<V, unknown> };

/** Each vendor's Sandbox credential set, by vendor id. */
export type SandboxCredentials = { [V in VendorId]: ReturnType<(typeof VENDORS)[V]['seed']['generate']> };

/** Every vendor the Sandbox emulates; generic code iterates this and never names a vendor. */
export const SANDBOX_VENDORS: { readonly [V in VendorId]: SandboxVendor<V, SandboxCredentials[V]> } = VENDORS;
