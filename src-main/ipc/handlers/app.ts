import type { HostKind, KeychainStatus } from '@contract';
import type { EventBus } from '../../events/event-bus';
import type { Handlers } from '../dispatch';

/** The facts `app:info` reports about this run, and the bus `app:ping` answers on. */
export interface AppHandlerDeps {
  name: string;
  version: string;
  host: HostKind;
  dataDir: string;
  keychain: () => KeychainStatus;
  sandboxUrl: () => string | null;
  events: EventBus;
  now: () => number;
}

/** `app:info` and `app:ping`. */
export function appHandlers(deps: AppHandlerDeps): Pick<Handlers, 'app:info' | 'app:ping'> {
  return {
    'app:info': () => ({
      name: deps.name,
      version: deps.version,
      host: deps.host,
      dataDir: deps.dataDir,
      keychain: deps.keychain(),
      platform: process.platform,
      nodeVersion: process.versions.node,
      sandboxUrl: deps.sandboxUrl(),
    }),
    'app:ping': (input) => {
      const at = deps.now();
      deps.events.emit('app:pinged', { at });
      return { pong: true as const, at, ...(input.echo === undefined ? {} : { echo: input.echo }) };
    },
  };
}
