import { join } from 'node:path';
import type { CoreSettings, HostKind } from '@contract';
import { createAccountServices } from '../accounts';
import { securePrivateDir } from './data-dir';
import { createCallbackReceiver, type CallbackReceiver } from '../callbacks';
import { createHistoryService, startRetentionSchedule, type HistoryService } from '../history';
import { createDispatch, type Dispatch, type Handlers } from '../ipc/dispatch';
import { accountHandlers } from '../ipc/handlers/accounts';
import { appHandlers } from '../ipc/handlers/app';
import { callbacksHandlers } from '../ipc/handlers/callbacks';
import { historyHandlers } from '../ipc/handlers/history';
import { presetHandlers } from '../ipc/handlers/presets';
import { sandboxHandlers } from '../ipc/handlers/sandbox';
import { schedulerHandlers } from '../ipc/handlers/scheduler';
import { secretHandlers } from '../ipc/handlers/secrets';
import { settingsHandlers } from '../ipc/handlers/settings';
import { storageHandlers } from '../ipc/handlers/storage';
import { taskHandlers } from '../ipc/handlers/tasks';
import { teamHandlers } from '../ipc/handlers/team';
import { vendorHandlers } from '../ipc/handlers/vendors';
import { createEventBatcher } from '../events/event-batcher';
import { createEventBus, type EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import { sandboxOwnedIds, startInProcessSandbox, type InProcessSandbox } from '../emulator/in-process';
import { createScheduler } from '../scheduler/scheduler';
import type { SecretVault } from '../secrets/secret-vault';
import { createSettingsService } from '../settings';
import { CallbackReplayStore } from '../store/callback-replays';
import { openDatabase } from '../store/db';
import { SecretMetaRepo } from '../store/secret-meta-repo';
import { createTeamLimiter, createTeamService, parseTeamUrl, type TeamService } from '../team';
import { SettingsRepo } from '../store/settings-repo';
import { countTasksForAccount, createTaskService, storageReferences } from '../tasks';
import { createConnectionCache } from '../vendors/connections';
import { createClockSkewStore } from '../vendors/shared/http';
import { createRateLimiter } from '../vendors/shared/rate-limiter';
import { adapterOf } from '../vendors/registry';

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
  /** Asks the operator where to save an export (the Electron app); without it exports wait in the data folder for a download. */
  chooseExportPath?: (fileName: string) => Promise<string | null>;
  /** Team mode at launch (`--team-url`, `--desk-name`): join that server unless already in it. */
  team?: { url?: string; deskName?: string };
}

/** The composition root's product: everything a transport needs, and a way to shut down. */
export interface Core {
  dispatch: Dispatch;
  /** Core → renderer events, paced to at most 10 messages a second. */
  events: EventBus;
  /** Finished exports by one-time ticket (the browser host serves them). */
  downloads: Pick<HistoryService, 'takeDownload'>;
  close(): Promise<void>;
}

/** Builds the core once per process. Never imports electron, so both hosts and the tests share it. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { log } = options;
  const looseMode = securePrivateDir(options.dataDir);
  if (looseMode !== null) log.info('data-dir.tightened', { path: options.dataDir, from: looseMode, to: '0700' });
  const now = options.now ?? Date.now;
  const bus = createEventBus((e) => log.error('events.listener', { error: String(e) }));
  const events = createEventBatcher(bus, { maxPerSecond: 10 });
  const dbFile = join(options.dataDir, 'recdeck.sqlite');
  const db = openDatabase(dbFile);
  const settingsRepo = new SettingsRepo(db);
  const settings = createSettingsService({ repo: settingsRepo, log });
  const secretMeta = new SecretMetaRepo(db);
  // Built before the accounts and tasks it reports on; it reads them only once running.
  const team: TeamService = createTeamService({
    db,
    settings: settingsRepo,
    vault: options.vault,
    log,
    version: options.version,
    localOnly: () => sandboxOwnedIds(settingsRepo),
    candidateKeys: () => {
      const local = sandboxOwnedIds(settingsRepo);
      const keys = accounts.accounts.records().filter((a) => {
        if (local.has(a.id)) return false;
        const set = secretMeta.list('account', a.id);
        return adapterOf(a.vendor).pingSecrets.every((f) => set.has(f));
      });
      return [...new Set(keys.map((a) => adapterOf(a.vendor).accountKey(a)))];
    },
    tasksChanged: (ids) => {
      const summaries = ids.map((id) => tasks.summary(id)).filter((s) => s !== null);
      events.emit('tasks:changed', { tasks: summaries, removed: [] });
      scheduler.nudge();
    },
    rowsChanged: (kinds) => {
      for (const kind of kinds) if (kind !== 'preset') events.emit('accounts:changed', { kind });
    },
    emitStatus: (status) => events.emit('team:changed', status),
  });
  const limiter = createTeamLimiter(createRateLimiter(), team.budget);
  const vendorDeps = { limiter, skew: createClockSkewStore(), timeoutMs: 15_000 };
  // The loader runs on first use only, when the accounts below exist.
  const connections = createConnectionCache({ vendorDeps, loadCredentials: (id, require) => accounts.accounts.getAccountCredentials(id, { require }) });
  const accounts = createAccountServices({
    db,
    vault: options.vault,
    log,
    now,
    countTasksForAccount: (id) => countTasksForAccount(db, id),
    storageReferences: (id) => storageReferences(db, id),
    onAccountChanged: (id) => connections.drop(id),
  });

  let sandbox: InProcessSandbox | null = null;
  if (options.sandbox !== false) {
    try {
      sandbox = await startInProcessSandbox({ services: accounts, settings: settingsRepo, log });
    } catch (e) {
      log.error('sandbox.failed', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  const receiver: CallbackReceiver = createCallbackReceiver({
    account: (id) => accounts.accounts.records().find((a) => a.id === id) ?? null,
    key: (id, field) => connections.secret(id, field),
    replays: new CallbackReplayStore(db),
    sink: {
      expects: (vendor, accountId, vendorTaskId) => tasks.callbackSink().expects(vendor, accountId, vendorTaskId),
      deliver: (delivery) => tasks.callbackSink().deliver(delivery),
    },
    log,
  });
  const tasks = createTaskService({
    db,
    accounts,
    connections,
    log,
    now,
    emitChanged: (summary) => {
      events.emit('tasks:changed', { tasks: [summary], removed: [] });
      team.nudge();
    },
    emitAlert: (alert) => events.emit('tasks:alerted', alert),
    emitForeign: (list) => events.emit('foreign:changed', { tasks: list }),
    // Only the Sandbox can reach the loopback receiver; real vendors need the operator's tunnel.
    callbackTarget: (vendor, accountId) => (sandboxOwnedIds(settingsRepo).has(accountId) ? receiver.callbackUrlFor(vendor, accountId) : null),
    deskId: team.deskId,
    pollScope: { of: (key) => team.pollMode(key) },
  });
  const history = createHistoryService({
    db,
    dbFile,
    exportsDir: join(options.dataDir, 'exports'),
    emitExport: (job) => events.emit('history:exportChanged', job),
    log,
    now,
    ...(options.chooseExportPath ? { chooseExportPath: options.chooseExportPath } : {}),
  });
  const scheduler = createScheduler({
    source: tasks.pollSource(),
    limiter,
    events,
    pace: () => settings.get().polling,
    laneShare: () => team.laneShare(),
    onPollError: (id, e) => log.warn('scheduler.poll', { id, error: e instanceof Error ? e.name : 'error' }),
  });
  await applyCallbackSettings(receiver, settings.get().callbacks, log);
  const unsubscribe = settings.subscribe((next, previous) => {
    if (JSON.stringify(next.callbacks) !== JSON.stringify(previous.callbacks)) {
      void receiver.stop().then(() => applyCallbackSettings(receiver, next.callbacks, log));
    }
  });
  const retention = startRetentionSchedule({ history, settings, log });
  const unwatchKeychain = options.vault.onStatusChange((status) => events.emit('app:keychainChanged', status));

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
    ...accountHandlers({ services: accounts, events, vendorDeps, sandboxOwned: () => sandboxOwnedIds(settingsRepo) }),
    ...storageHandlers(accounts.storage, events),
    ...secretHandlers(accounts.secrets, events),
    ...vendorHandlers(),
    ...taskHandlers({ tasks }),
    ...presetHandlers(tasks),
    ...sandboxHandlers({ sandbox: sandbox?.sandbox ?? null }),
    ...historyHandlers(history),
    ...settingsHandlers(settings),
    ...schedulerHandlers(scheduler),
    ...callbacksHandlers({ receiver }),
    ...teamHandlers(team),
  };
  await joinAtLaunch(team, options.team);

  // Reconcile what a crash left open while polling what is already reconciled. Recovery may wait on
  // vendor timeouts, so it runs in the background: the window opens at once, and each reconciled
  // task joins polling (and the progress the page shows) as soon as it is done. It is called first
  // because it marks the tasks it has yet to reconcile before the scheduler first lists its targets.
  const recovered = tasks
    .recover(() => scheduler.nudge())
    .catch((e: unknown) => log.error('tasks.recover', { error: e instanceof Error ? e.message : String(e) }));
  scheduler.start();

  return {
    dispatch: createDispatch(handlers, log),
    events,
    downloads: history,
    async close() {
      await recovered;
      await scheduler.stop();
      await team.close();
      unsubscribe();
      unwatchKeychain();
      retention.stop();
      await receiver.stop();
      events.close();
      await sandbox?.close();
      db.close();
    },
  };
}

/** `--desk-name` renames this desk; `--team-url` joins that server unless this desk is in it already (then it reconnects by itself). */
async function joinAtLaunch(team: TeamService, options: CoreOptions['team']): Promise<void> {
  if (options?.deskName) team.setDeskName(options.deskName);
  if (!options?.url) return;
  const current = team.status().url;
  if (current !== null && current === normalisedUrl(options.url)) return;
  await team.join({ url: options.url, password: null });
}

function normalisedUrl(url: string): string | null {
  try {
    return parseTeamUrl(url).endpoint.url;
  } catch {
    return null;
  }
}

async function applyCallbackSettings(receiver: CallbackReceiver, config: CoreSettings['callbacks'], log: Logger): Promise<void> {
  if (!config.enabled) return;
  try {
    await receiver.start(config.port);
  } catch (e) {
    log.error('callbacks.start', { port: config.port, error: e instanceof Error ? e.message : String(e) });
  }
}
