import type { EmulatorContext, EmulatorRequest, EmulatorResponse, VendorEmulator } from '../types';
import { api3Answer, api3RateLimited } from '../tencent-api3/gate';
import { runTiwAction } from './actions';
import { tiwControl } from './control';
import { createTiwGate } from './gateway';
import { failUploads } from './lifecycle';
import { createTiwWorld } from './model';

export { TIW_TIMING } from './lifecycle';

/**
 * Sandbox emulator of TIW real-time recording (service `tiw`, version `2019-09-19`): TC3 checks,
 * the eight *OnlineRecord* APIs with their documented codes, the PREPARED → RECORDING ⇄ PAUSED →
 * STOPPED → FINISHED lifecycle on the virtual clock, and md5-signed event callbacks.
 */
export function createTiwEmulator(ctx: EmulatorContext): VendorEmulator {
  const w = createTiwWorld(ctx);
  const gate = createTiwGate(w);
  return {
    id: 'tencent-tiw',
    async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
      const gated = gate.check(request);
      if (!gated.ok) return gated.response;
      return api3Answer(w.clock, () => runTiwAction(w, gated.call));
    },
    control: (command, raw) => tiwControl(w, command, raw),
    rateLimitedResponse: () => api3RateLimited(w.clock),
    failUploads: (count) => failUploads(w, count),
  };
}
