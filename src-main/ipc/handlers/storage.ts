import type { AccountServices } from '../../accounts';
import type { EventBus } from '../../events/event-bus';
import type { Handlers } from '../dispatch';

/** Storage targets: thin wrappers over the service, plus `accounts:changed`. */
export function storageHandlers(storage: AccountServices['storage'], events: Pick<EventBus, 'emit'>): Pick<Handlers, 'storage:list' | 'storage:create' | 'storage:update' | 'storage:delete'> {
  const changed = <T>(value: T): T => {
    events.emit('accounts:changed', { kind: 'storage' });
    return value;
  };
  return {
    'storage:list': () => storage.list(),
    'storage:create': async (input) => changed(await storage.create(input)),
    'storage:update': async (input) => changed(await storage.update(input)),
    'storage:delete': async (input) => changed(await storage.delete(input)),
  };
}
