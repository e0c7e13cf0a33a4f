import type { TaskService } from '../../tasks';
import { vendorDescriptors } from '../../vendors/registry';
import { importLegacyStartBody } from '../../vendors/zego';
import type { Handlers } from '../dispatch';

type TaskChannels =
  | 'vendors:list'
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
  | 'presets:list'
  | 'presets:save'
  | 'presets:delete';

/** What {@link taskHandlers} needs. */
export interface TaskHandlerDeps {
  tasks: TaskService;
}

/**
 * Vendors, recording tasks and presets: thin wrappers over the task service. Change events go
 * out through the service's own `emitChanged`.
 */
export function taskHandlers(deps: TaskHandlerDeps): Pick<Handlers, TaskChannels> {
  const { tasks } = deps;
  return {
    'vendors:list': () => vendorDescriptors(),
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
    'tasks:importLegacy': (input) => importLegacyStartBody(input.text),
    'presets:list': () => tasks.presets.list(),
    'presets:save': (input) => tasks.presets.save(input),
    'presets:delete': (input) => tasks.presets.delete(input.id),
  };
}

