import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKind } from '@contract';
import { createAccountServices } from '../accounts';
import { createDispatch, type Dispatch, type Handlers } from '../ipc/dispatch';
import { accountHandlers } from '../ipc/handlers/accounts';
import { appHandlers } from '../ipc/handlers/app';
import type { Logger } from '../logging/logger';
import type { SecretVault } from '../secrets/vault';
import { sandboxOwnedIds, startInProcessSandbox, type InProcessSandbox } from '../sandbox/in-process';
import { openDatabase } from '../store/db';
import { SettingsRepo } from '../store/settings-repo';
import { createClockSkewStore } from '../vendors/shared/http';
import { createRateLimiter } from '../vendors/shared/rate-limiter';
import { createEventBus, type EventBus } from './event-bus';

/** What a host hands the core. */
export interface CoreOptions {
  host: HostKind;
  dataDir: string;
  version: string;
  log: Logger;
  vault: SecretVault;
  now?: () => number;
  /** Run the Sandbox emulator in-process and keep its accounts pointed at it (default true). */
  sandbox?: boolean;
}

/** The composition root's product: everything a transport needs, and a way to shut down. */
export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  close(): Promise<void>;
}

/** Builds the core once per process. Never imports electron, so both hosts and the tests share it. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const events = createEventBus((e) => options.log.error('events.listener', { error: String(e) }));
  const db = openDatabase(join(options.dataDir, 'recdeck.sqlite'));
  const accounts = createAccountServices({ db, vault: options.vault, log: options.log, now });
  const vendorDeps = { limiter: createRateLimiter(), skew: createClockSkewStore(), timeoutMs: 15_000 };
  const settings = new SettingsRepo(db);
  let sandbox: InProcessSandbox | null = null;
  if (options.sandbox !== false) {
    try {
      sandbox = await startInProcessSandbox({ services: accounts, settings, log: options.log });
    } catch (e) {
      options.log.error('sandbox.failed', { error: e instanceof Error ? e.message : String(e) });
    }
  }
  const handlers: Handlers = {
    ...appHandlers({
      name: 'RecDeck',
      version: options.version,
      host: options.host,
      dataDir: options.dataDir,
      keychain: () => options.vault.status(),
      sandboxUrl: () => sandbox?.baseUrl ?? null,
      events,
      now,
    }),
    ...accountHandlers(accounts, events, vendorDeps, () => sandboxOwnedIds(settings)),
  };
  return {
    dispatch: createDispatch(handlers, options.log),
    events,
    async close() {
      await sandbox?.close();
      db.close();
    },
  };
}
