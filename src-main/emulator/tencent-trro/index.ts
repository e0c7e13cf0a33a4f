import type { EmulatorContext, EmulatorRequest, EmulatorResponse, VendorEmulator } from '../types';
import { api3Answer, api3RateLimited } from '../tencent-api3/gate';
import { runTrroAction } from './actions';
import { trroControl } from './control';
import { createTrroGate } from './gateway';
import { failUploads } from './lifecycle';
import { createTrroWorld } from './model';

export { TRRO_TIMING } from './lifecycle';

/**
 * Sandbox emulator of TRRO cloud recording (service `trro`, version `2022-03-25`): TC3 checks,
 * CreateCloudRecording / DeleteCloudRecording / ModifyCallbackUrl with the documented limits, device
 * streams that start and stop, files cut every MaxMediaFileDuration minutes, and TRTC-format
 * callbacks signed with the project's SignKey. There is no query API, as in the real product.
 */
export function createTrroEmulator(ctx: EmulatorContext): VendorEmulator {
  const w = createTrroWorld(ctx);
  const gate = createTrroGate(w);
  return {
    id: 'tencent-trro',
    async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
      const gated = gate.check(request);
      if (!gated.ok) return gated.response;
      return api3Answer(w.clock, () => runTrroAction(w, gated.call));
    },
    control: (command, raw) => trroControl(w, command, raw),
    rateLimitedResponse: () => api3RateLimited(w.clock),
    failUploads: (count) => failUploads(w, count),
  };
}
