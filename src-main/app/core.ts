import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreSettings, HostKind } from '@contract';
import { createAccountServices } from '../accounts';
import { createCallbackReceiver, type CallbackReceiver } from '../callbacks';
import { createHistoryService, startRetentionSchedule } from '../history';
import { createDispatch, type Dispatch, type Handlers } from '../ipc/dispatch';
import { accountHandlers } from '../ipc/handlers/accounts';
import { appHandlers } from '../ipc/handlers/app';
import { callbacksHandlers } from '../ipc/handlers/callbacks';
import { historyHandlers } from '../ipc/handlers/history';
import { sandboxHandlers } from '../ipc/handlers/sandbox';
import { schedulerHandlers } from '../ipc/handlers/scheduler';
import { taskHandlers } from '../ipc/handlers/tasks';
import type { Logger } from '../logging/logger';
import { sandboxOwnedIds, startInProcessSandbox, type InProcessSandbox } from '../emulator/in-process';
import { createScheduler } from '../scheduler/scheduler';
import type { SecretVault } from '../secrets/vault';
import { createSettingsService } from '../settings';
import { openDatabase } from '../store/db';
import { SettingsRepo } from '../store/settings-repo';
import { countTasksForAccount, createTaskService, storageReferences } from '../tasks';
import { createClockSkewStore } from '../vendors/shared/http';
import { createRateLimiter } from '../vendors/shared/rate-limiter';
import { createEventBatcher } from './event-batcher';
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
  /** Core → renderer events, paced to at most 10 messages a second. */
  events: EventBus;
  close(): Promise<void>;
}

/** Builds the core once per process. Never imports electron, so both hosts and the tests share it. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { log } = options;
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const bus = createEventBus((e) => log.error('events.listener', { error: String(e) }));
  const events = createEventBatcher(bus, { maxPerSecond: 10 });
  const db = openDatabase(join(options.dataDir, 'recdeck.sqlite'));
  const settingsRepo = new SettingsRepo(db);
  const settings = createSettingsService({ repo: settingsRepo, log });
  const accounts = createAccountServices({
    db,
    vault: options.vault,
    log,
    now,
    countTasksForAccount: (id) => countTasksForAccount(db, id),
    storageReferences: (id) => storageReferences(db, id),
  });
  const limiter = createRateLimiter();
  const vendorDeps = { limiter, skew: createClockSkewStore(), timeoutMs: 15_000 };

  let sandbox: InProcessSandbox | null = null;
  if (options.sandbox !== false) {
    try {
      sandbox = await startInProcessSandbox({ services: accounts, settings: settingsRepo, log });
    } catch (e) {
      log.error('sandbox.failed', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  const receiver: CallbackReceiver = createCallbackReceiver({
    accounts: accounts.accounts,
    sink: { deliver: (delivery) => tasks.callbackSink().deliver(delivery) },
    log,
  });
  const tasks = createTaskService({
    db,
    accounts,
    vendorDeps,
    log,
    now,
    emitChanged: (summary) => events.emit('tasks:changed', { tasks: [summary], removed: [] }),
    emitAlert: (alert) => events.emit('tasks:alerted', alert),
    // Only the Sandbox can reach the loopback receiver; real vendors need the operator's tunnel.
    callbackTarget: (vendor, accountId) => (sandboxOwnedIds(settingsRepo).has(accountId) ? receiver.callbackUrlFor(vendor, accountId) : null),
    onVendorTaskId: (vendor, vendorTaskId) => receiver.redeliverParked(vendor, vendorTaskId),
  });
  const history = createHistoryService({ db, now });
  const scheduler = createScheduler({
    source: tasks.pollSource(),
    limiter,
    events,
    pace: () => settings.get().polling,
    onPollError: (id, e) => log.warn('scheduler.poll', { id, error: e instanceof Error ? e.name : 'error' }),
  });
  await applyCallbackSettings(receiver, settings.get().callbacks, log);
  const unsubscribe = settings.subscribe((next, previous) => {
    if (JSON.stringify(next.callbacks) !== JSON.stringify(previous.callbacks)) {
      void receiver.stop().then(() => applyCallbackSettings(receiver, next.callbacks, log));
    }
  });
  const retention = startRetentionSchedule({ history, settings, log });

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
    ...accountHandlers(accounts, events, vendorDeps, () => sandboxOwnedIds(settingsRepo)),
    ...taskHandlers({ tasks }),
    ...sandboxHandlers({ sandbox: sandbox?.sandbox ?? null }),
    ...historyHandlers({ history, settings }),
    ...schedulerHandlers(scheduler),
    ...callbacksHandlers({ receiver }),
  };

  // Reconcile what a crash left open, then keep everything fresh. Recovery may wait on vendor
  // timeouts, so it runs in the background: the window opens at once.
  const recovered = tasks
    .recover()
    .catch((e: unknown) => log.error('tasks.recover', { error: e instanceof Error ? e.message : String(e) }))
    .then(() => scheduler.start());

  return {
    dispatch: createDispatch(handlers, log),
    events,
    async close() {
      await recovered;
      await scheduler.stop();
      unsubscribe();
      retention.stop();
      await receiver.stop();
      events.close();
      await sandbox?.close();
      db.close();
    },
  };
}

async function applyCallbackSettings(receiver: CallbackReceiver, config: CoreSettings['callbacks'], log: Logger): Promise<void> {
  if (!config.enabled) return;
  try {
    await receiver.start(config.port);
  } catch (e) {
    log.error('callbacks.start', { port: config.port, error: e instanceof Error ? e.message : String(e) });
  }
}
