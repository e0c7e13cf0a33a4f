import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { DeskNameSchema, msg, type TeamStatus, type TeamTestResult } from '@contract';
import { AppFailure } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import type { SecretVault } from '../secrets/secret-vault';
import type { SettingsRepo } from '../store/settings-repo';
import { TeamStore, type RowKind } from '../store/team-store';
import type { BudgetSource } from './budget';
import { startEngine, type Engine, type EngineTuning } from './engine';
import { connectionConfig, diagnose, parseTeamUrl, testServer, type TeamEndpoint } from './server-link';
import { migrateServer } from './server-schema';

const DESK_ID = 'team.deskId';
const DESK_NAME = 'team.deskName';
/** The server's password in the keychain (never in SQLite). */
const PASSWORD_KEY = 'team:password';

/** How a desk polls a vendor account key: see `PollMode` in tasks/sync.ts. */
export type TeamPollMode = 'all' | 'own' | 'none';

export interface TeamServiceDeps {
  db: DatabaseSync;
  settings: SettingsRepo;
  vault: SecretVault;
  log: Logger;
  version: string;
  /** Accounts and storage targets that stay on this desk (the Sandbox's own). */
  localOnly(): ReadonlySet<string>;
  /** Vendor account keys this desk holds secrets for. */
  candidateKeys(): string[];
  /** Tasks other desks changed (their summaries go to the renderer, the scheduler lists again). */
  tasksChanged(ids: readonly string[]): void;
  /** Accounts, storage targets or presets other desks changed. */
  rowsChanged(kinds: ReadonlySet<RowKind>): void;
  /** `team:changed`. */
  emitStatus(status: TeamStatus): void;
  tuning?: Partial<EngineTuning>;
}

/** Team mode on this desk: identity, joining and leaving, the sync engine, the poll scope and the shared budget. */
export interface TeamService {
  readonly deskId: string;
  status(): TeamStatus;
  test(input: { url: string; password: string | null }): Promise<TeamTestResult>;
  join(input: { url: string; password: string | null }): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  setDeskName(name: string): TeamStatus;
  /** Which tasks of a vendor account key this desk polls now. */
  pollMode(accountKey: string): TeamPollMode;
  /** The share of each lane background polling may use: 1, or `1 ÷ desks last seen` while cut off from the team. */
  laneShare(): number;
  budget: BudgetSource;
  /** Something changed here: push it soon. */
  nudge(): void;
  close(): Promise<void>;
}

/** Builds the team service; a desk that was in a team reconnects at once (in the background). */
export function createTeamService(deps: TeamServiceDeps): TeamService {
  const { settings, log } = deps;
  const store = new TeamStore(deps.db);
  let deskId = settings.get(DESK_ID);
  if (!deskId) {
    deskId = randomUUID();
    settings.set(DESK_ID, deskId);
  }
  const me = deskId;
  let engine: Engine | null = null;

  const deskName = (): string => settings.get(DESK_NAME) ?? hostname();

  async function password(): Promise<string | null> {
    try {
      return await deps.vault.get(PASSWORD_KEY);
    } catch {
      return null;
    }
  }

  function status(): TeamStatus {
    const link = store.link();
    const now = Date.now();
    const desks = engine?.desks() ?? [];
    const names = new Map(desks.map((d) => [d.id, d.name]));
    const leases = (engine?.leases() ?? []).map((l) => ({ key: l.key, deskId: l.deskId, deskName: names.get(l.deskId) ?? null, expiresAt: l.expiresAt, mine: l.deskId === me }));
    const polls = engine ? (engine.connected() ? [...engine.ledKeys()] : deps.candidateKeys()) : deps.candidateKeys();
    return {
      joined: link !== null,
      connected: engine?.connected() ?? false,
      url: link?.url ?? null,
      deskId: me,
      deskName: deskName(),
      since: engine?.since() ?? null,
      problem: engine?.problem() ?? null,
      desks: desks.map((d) => ({ id: d.id, name: d.name, lastSeenAt: d.lastSeenAt, online: d.lastSeenAt !== null && now - d.lastSeenAt < 10_000, me: d.id === me })),
      leases,
      polls: [...new Set(polls)].sort(),
      pending: link ? store.pending() : 0,
    };
  }

  let statusTimer: NodeJS.Timeout | null = null;
  let closed = false;
  function statusChanged(): void {
    if (statusTimer || closed) return;
    statusTimer = setTimeout(() => {
      statusTimer = null;
      deps.emitStatus(status());
    }, 100);
  }

  function startFor(ep: TeamEndpoint): void {
    engine = startEngine({
      store,
      endpoint: ep,
      password,
      deskId: me,
      deskName,
      version: deps.version,
      log,
      localOnly: deps.localOnly,
      candidateKeys: deps.candidateKeys,
      onApplied: (applied) => {
        if (applied.tasks.size > 0) deps.tasksChanged([...applied.tasks]);
        if (applied.rows.size > 0) deps.rowsChanged(applied.rows);
      },
      onStatus: statusChanged,
      ...(deps.tuning ? { tuning: deps.tuning } : {}),
    });
  }

  async function stopEngine(): Promise<void> {
    const e = engine;
    engine = null;
    await e?.stop();
  }

  const link = store.link();
  if (link) {
    try {
      startFor(parseTeamUrl(link.url).endpoint);
    } catch (e) {
      log.error('team.resume', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The password to use: the one given, the URL's, the keychain's, else null (pg then reads PGPASSWORD). */
  async function resolve(input: { url: string; password: string | null }): Promise<{ endpoint: TeamEndpoint; password: string | null; given: string | null }> {
    const parsed = parseTeamUrl(input.url);
    const given = input.password ?? parsed.password;
    return { endpoint: parsed.endpoint, password: given ?? (await password()), given };
  }

  return {
    deskId: me,
    status,
    async test(input) {
      try {
        const r = await resolve(input);
        return await testServer(r.endpoint, r.password);
      } catch (e) {
        const d = diagnose(e, { url: '', host: '', port: 0, user: '', database: '', tls: 'off', rootCert: null });
        return { ok: false, problem: d.problem, message: d.message, serverVersion: null };
      }
    },
    async join(input) {
      const r = await resolve(input);
      const tested = await testServer(r.endpoint, r.password);
      if (!tested.ok) throw new AppFailure('TEAM', tested.message, { details: { problem: tested.problem } });
      // The schema is brought up to date before anything changes here, so a refusal leaves this desk as it was.
      let client: pg.Client | null = null;
      try {
        client = new pg.Client(await connectionConfig(r.endpoint, r.password, 'RecDeck join'));
        client.on('error', () => undefined);
        await client.connect();
        await migrateServer(client, `RecDeck ${deps.version}`);
      } catch (e) {
        const d = diagnose(e, r.endpoint);
        throw new AppFailure('TEAM', d.message, { details: { problem: d.problem } });
      } finally {
        await client?.end().catch(() => undefined);
      }
      await stopEngine();
      if (r.given !== null) await deps.vault.set(PASSWORD_KEY, r.given);
      store.join(r.endpoint.url, Date.now());
      log.info('team.joined', { url: r.endpoint.url, deskId: me });
      startFor(r.endpoint);
      return status();
    },
    async leave() {
      if (!store.link()) throw new AppFailure('CONFLICT', msg('team.error.notJoined'));
      await stopEngine();
      store.leave();
      store.clearDesks();
      await deps.vault.delete(PASSWORD_KEY).catch(() => false);
      log.info('team.left', { deskId: me });
      const s = status();
      deps.emitStatus(s);
      return s;
    },
    setDeskName(name) {
      settings.set(DESK_NAME, DeskNameSchema.parse(name));
      engine?.nudge();
      const s = status();
      deps.emitStatus(s);
      return s;
    },
    pollMode(key) {
      if (!engine) return 'all';
      if (!engine.connected()) return 'own';
      return engine.ledKeys().has(key) ? 'all' : 'none';
    },
    laneShare: () => (engine && !engine.connected() ? 1 / engine.desksLastSeen() : 1),
    budget: {
      joined: () => engine !== null,
      take: (lane, interval, bgInterval, background) => engine?.take(lane, interval, bgInterval, background) ?? Promise.resolve(null),
      desksLastSeen: () => engine?.desksLastSeen() ?? 1,
    },
    nudge: () => engine?.nudge(),
    async close() {
      closed = true;
      if (statusTimer) clearTimeout(statusTimer);
      statusTimer = null;
      await stopEngine();
    },
  };
}
