import type { AccountServices } from '../../accounts';
import type { EventBus } from '../../events/event-bus';
import type { Handlers } from '../dispatch';

/** Secrets of accounts and storage targets: status answers only, never a value; changes go out as `accounts:changed`. */
export function secretHandlers(secrets: AccountServices['secrets'], events: Pick<EventBus, 'emit'>): Pick<Handlers, 'secrets:set' | 'secrets:clear' | 'secrets:status'> {
  const changed = <T>(value: T): T => {
    events.emit('accounts:changed', { kind: 'secret' });
    return value;
  };
  return {
    'secrets:set': async (input) => changed(await secrets.set(input)),
    'secrets:clear': async (input) => changed(await secrets.clear(input)),
    'secrets:status': (input) => secrets.status(input),
  };
}
