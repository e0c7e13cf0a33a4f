import type { AccountServices } from '../../accounts';
import { testAccountConnection } from '../../accounts/connection-test';
import type { VendorDeps } from '../../vendors/adapter';
import type { EventBus } from '../../events/event-bus';
import type { Handlers } from '../dispatch';

type AccountChannels =
  | 'accounts:list'
  | 'accounts:create'
  | 'accounts:update'
  | 'accounts:delete'
  | 'accounts:test'
  | 'accounts:export'
  | 'accounts:import'
  | 'storage:list'
  | 'storage:create'
  | 'storage:update'
  | 'storage:delete'
  | 'secrets:set'
  | 'secrets:clear'
  | 'secrets:status';

/** Accounts, storage targets and their secrets: thin wrappers over the services, plus change events. */
export function accountHandlers(
  services: AccountServices,
  events: EventBus,
  vendorDeps: VendorDeps,
  sandboxOwned: () => ReadonlySet<string>,
): Pick<Handlers, AccountChannels> {
  const changed = <T>(kind: 'account' | 'storage' | 'secret', value: T): T => {
    events.emit('accounts:changed', { kind });
    return value;
  };
  return {
    'accounts:list': () => services.accounts.list(),
    'accounts:create': async (input) => changed('account', await services.accounts.create(input)),
    'accounts:update': async (input) => changed('account', await services.accounts.update(input)),
    'accounts:delete': async (input) => changed('account', await services.accounts.delete(input)),
    'accounts:test': (input) => testAccountConnection(services.accounts, input.id, vendorDeps),
    'accounts:export': () => services.transfer.export(sandboxOwned()),
    'accounts:import': (input) => changed('account', services.transfer.import(input)),
    'storage:list': () => services.storage.list(),
    'storage:create': async (input) => changed('storage', await services.storage.create(input)),
    'storage:update': async (input) => changed('storage', await services.storage.update(input)),
    'storage:delete': async (input) => changed('storage', await services.storage.delete(input)),
    'secrets:set': async (input) => changed('secret', await services.secrets.set(input)),
    'secrets:clear': async (input) => changed('secret', await services.secrets.clear(input)),
    'secrets:status': (input) => services.secrets.status(input),
  };
}
