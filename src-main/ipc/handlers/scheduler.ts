import type { Scheduler } from '../../scheduler/scheduler';
import type { Handlers } from '../dispatch';

/**
 * `scheduler:status`: whether status polling runs, since when vendors are unreachable, and how
 * many tasks are in the poll set. The same shape goes out as `scheduler:changed`.
 */
export function schedulerHandlers(scheduler: Pick<Scheduler, 'status'>): Pick<Handlers, 'scheduler:status'> {
  return {
    'scheduler:status': () => scheduler.status(),
  };
}
