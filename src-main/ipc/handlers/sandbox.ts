import { ControlError } from '../../emulator/control';
import { runSandboxControl } from '../../emulator/sandbox-control';
import type { Sandbox } from '../../emulator/index';
import { AppFailure } from '../../errors/app-failure';
import type { Handlers } from '../dispatch';

/** `sandbox:control` on the in-process Sandbox, or null when it is off (then it answers UNSUPPORTED). */
export function sandboxHandlers(deps: { sandbox: Sandbox | null }): Pick<Handlers, 'sandbox:control'> {
  return {
    'sandbox:control': async (input) => {
      try {
        return await runSandboxControl(deps.sandbox, input);
      } catch (e) {
        if (e instanceof ControlError) throw new AppFailure(e.kind === 'unsupported' ? 'UNSUPPORTED' : 'VALIDATION', e.message);
        throw e;
      }
    },
  };
}
