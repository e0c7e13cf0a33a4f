import type { AccountServices } from '../../accounts';
import { testAccountConnection } from '../../accounts/connection-test';
import type { EventBus } from '../../events/event-bus';
import type { VendorDeps } from '../../vendors/adapter';
import type { Handlers } from '../dispatch';

type AccountChannels = 'accounts:list' | 'accounts:create' | 'accounts:update' | 'accounts:delete' | 'accounts:test' | 'accounts:export' | 'accounts:import';

/** The account services, the bus for `accounts:changed`, the vendor services for connection tests and the Sandbox's own ids. */
export interface AccountHandlerDeps {
  services: Pick<AccountServices, 'accounts' | 'transfer'>;
  events: Pick<EventBus, 'emit'>;
  /** For `accounts:test`, which builds a fresh connection from what is stored now. */
  vendorDeps: VendorDeps;
  /** Ids the Sandbox owns; an export leaves them out (they belong to this install). */
  sandboxOwned: () => ReadonlySet<string>;
}

/** Accounts: thin wrappers over the service, plus `accounts:changed`. */
export function accountHandlers(deps: AccountHandlerDeps): Pick<Handlers, AccountChannels> {
  const { accounts, transfer } = deps.services;
  const changed = <T>(value: T): T => {
    deps.events.emit('accounts:changed', { kind: 'account' });
    return value;
  };
  return {
    'accounts:list': () => accounts.list(),
    'accounts:create': async (input) => changed(await accounts.create(input)),
    'accounts:update': async (input) => changed(await accounts.update(input)),
    'accounts:delete': async (input) => changed(await accounts.delete(input)),
    'accounts:test': (input) => testAccountConnection(accounts, input.id, deps.vendorDeps),
    'accounts:export': () => transfer.export(deps.sandboxOwned()),
    'accounts:import': (input) => changed(transfer.import(input)),
  };
}
