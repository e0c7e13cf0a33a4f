import type { LegacyImport, VendorId } from '@contract';
import type { Sandbox } from '../../emulator/index';
import { AppFailure } from '../../errors/app-failure';
import type { TaskService } from '../../tasks';
import { adapterOf } from '../../vendors/registry';
import type { Handlers } from '../dispatch';

type TaskChannels =
  | 'tasks:start'
  | 'tasks:stop'
  | 'tasks:pause'
  | 'tasks:resume'
  | 'tasks:updateLayout'
  | 'tasks:updateWhiteboard'
  | 'tasks:snapshot'
  | 'tasks:refresh'
  | 'tasks:active'
  | 'tasks:get'
  | 'tasks:preview'
  | 'tasks:importLegacy'
  | 'sandbox:control';

/** The task service and, for `sandbox:control`, the in-process Sandbox. */
export interface TaskHandlerDeps {
  tasks: TaskService;
  /** The in-process Sandbox, or null when it is off (then `sandbox:control` answers UNSUPPORTED). */
  sandbox: Sandbox | null;
}

/**
 * Recording tasks and the Sandbox control API: thin wrappers over the task service. Change events
 * go out through the service's own `emitChanged`.
 */
export function taskHandlers(deps: TaskHandlerDeps): Pick<Handlers, TaskChannels> {
  const { tasks } = deps;
  return {
    'tasks:start': (input) => tasks.start(input),
    'tasks:stop': (input) => tasks.stop(input.id),
    'tasks:pause': (input) => tasks.pause(input.id),
    'tasks:resume': (input) => tasks.resume(input.id),
    'tasks:updateLayout': (input) => tasks.updateLayout(input.id, input.mix),
    'tasks:updateWhiteboard': (input) => tasks.updateWhiteboard(input.id, input.whiteboardId),
    'tasks:snapshot': (input) => tasks.snapshot(input.id),
    'tasks:refresh': (input) => tasks.refresh(input.id),
    'tasks:active': () => tasks.active(),
    'tasks:get': (input) => tasks.get(input.id),
    'tasks:preview': (input) => tasks.preview(input.accountId, input.request),
    'tasks:importLegacy': (input) => importLegacy(input.vendor, input.text),
    'sandbox:control': (input) => sandboxControl(deps.sandbox, input),
  };
}

/** A pasted start body of a vendor's older API, through the adapter that knows it. */
function importLegacy(vendor: VendorId, text: string): LegacyImport {
  const importer = adapterOf(vendor).importLegacyStart;
  if (!importer) throw new AppFailure('UNSUPPORTED', `No legacy start body to import for ${vendor}`);
  return importer(text);
}

/**
 * Forwards to the Sandbox control API: `clock` (`advance` {ms}, `now`), `faults` (`inject` {spec},
 * `clear`) and each vendor's own commands (`publish-stream`, `stop-stream`, `publish` …).
 */
async function sandboxControl(sandbox: Sandbox | null, input: { vendor: string; command: string; input: Record<string, unknown> }): Promise<unknown> {
  if (!sandbox) throw new AppFailure('UNSUPPORTED', 'The Sandbox is not running');
  try {
    if (input.vendor === 'clock') {
      if (input.command === 'advance') {
        const ms = Number(input.input['ms']);
        if (!Number.isInteger(ms) || ms < 0 || ms > 30 * 86_400_000) throw new AppFailure('VALIDATION', 'ms must be a whole number of milliseconds up to 30 days');
        await sandbox.clock.advance(ms);
      } else if (input.command !== 'now') {
        throw new AppFailure('UNSUPPORTED', `Unknown clock command "${input.command}"`);
      }
      return { now: sandbox.clock.now() };
    }
    if (input.vendor === 'faults') {
      if (input.command === 'clear') sandbox.clearFaults();
      else if (input.command === 'inject') await sandbox.injectFault(input.input as never);
      else throw new AppFailure('UNSUPPORTED', `Unknown faults command "${input.command}"`);
      return null;
    }
    return (await sandbox.control(input.vendor, input.command, input.input)) ?? null;
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    // Control errors are about the command (unknown task, bad field), never about secrets.
    throw new AppFailure('VALIDATION', e instanceof Error ? e.message.slice(0, 300) : 'Sandbox control failed');
  }
}
