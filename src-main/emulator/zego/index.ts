import type { EmulatorContext, VendorEmulator } from '../types';
import { runAction } from './actions';
import { zegoControl } from './control';
import { authenticate, parseBody, rateLimited, zegoRateLimited } from './gateway';
import { failUploads } from './lifecycle';
import { createZegoWorld, ZEGO_DEFAULTS, type ZegoEmulatorOptions } from './model';

export type { ZegoEmulatorOptions } from './model';

/**
 * The ZEGO Cloud Recording v2 emulator: gateway checks and signature exactly as docs/vendors/zego.md §2–§3, parameter
 * codes, rate limits on the virtual clock, rooms and streams, the task lifecycle, files named per §8
 * and signed callbacks per §9. `initial` overrides the defaults of what the docs leave unconfirmed (§14).
 */
export function createZegoEmulator(initial: Partial<ZegoEmulatorOptions> = {}): (ctx: EmulatorContext) => VendorEmulator {
  return (ctx) => {
    const w = createZegoWorld(ctx, { ...ZEGO_DEFAULTS, ...initial });
    return {
      id: 'zego',
      async handle(req) {
        const call = authenticate(w, req);
        if ('status' in call) return call;
        if (rateLimited(w, call)) return zegoRateLimited(w.opts);
        const parsed = parseBody(w, req);
        if ('response' in parsed) return parsed.response;
        return runAction(w, call.app, call.action, parsed.body);
      },
      rateLimitedResponse: () => zegoRateLimited(w.opts),
      failUploads: (count, mode) => failUploads(w, count, mode),
      control: (command, input) => zegoControl(w, command, input),
    };
  };
}
