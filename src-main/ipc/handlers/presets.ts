import type { TaskService } from '../../tasks';
import type { Handlers } from '../dispatch';

/** Saved recording requests. */
export function presetHandlers(tasks: Pick<TaskService, 'presets'>): Pick<Handlers, 'presets:list' | 'presets:save' | 'presets:delete'> {
  return {
    'presets:list': () => tasks.presets.list(),
    'presets:save': (input) => tasks.presets.save(input),
    'presets:delete': (input) => tasks.presets.delete(input.id),
  };
}
