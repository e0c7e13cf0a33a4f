import { msg, type LegacyImport, type VendorId } from '@contract';
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
  | 'tasks:signedCurl'
  | 'tasks:importLegacy'
  | 'tasks:watch'
  | 'foreign:list'
  | 'foreign:adopt'
  | 'foreign:dismiss';

/** The task service; a legacy import needs only the vendor adapter. */
export interface TaskHandlerDeps {
  tasks: TaskService;
}

/**
 * Recording tasks and the foreign tasks sweeps find: thin wrappers over the task service. Change
 * events go out through the service's own `emitChanged` and `emitForeign`.
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
    'tasks:signedCurl': (input) => tasks.signedCurl(input),
    'tasks:importLegacy': (input) => importLegacy(input.vendor, input.text),
    'tasks:watch': (input) => tasks.watch(input.id, input.watching),
    'foreign:list': () => tasks.foreign.list(),
    'foreign:adopt': (input) => tasks.foreign.adopt(input.id),
    'foreign:dismiss': (input) => tasks.foreign.dismiss(input.id, input.dismissed),
  };
}

/** A pasted start body of a vendor's older API, through the adapter that knows it. */
function importLegacy(vendor: VendorId, text: string): LegacyImport {
  const adapter = adapterOf(vendor);
  if (!adapter.descriptor.capabilities.legacyImport || !adapter.importLegacyStart) {
    throw new AppFailure('UNSUPPORTED', msg('task.noLegacyImport', { vendor: adapter.label }));
  }
  return adapter.importLegacyStart(text);
}
