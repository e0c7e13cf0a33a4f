import pg from 'pg';
import type { Message } from '@contract';
import type { Logger } from '../logging/logger';
import type { TeamStore } from '../store/team-store';
import { applyChanges, type Applied } from './apply';
import { nextBatch } from './push';
import { connectionConfig, diagnose, type TeamEndpoint } from './server-link';
import { migrateServer, RECDECK_LOCK } from './server-schema';
import type { ServerChange } from './wire';

/** Timings of the engine; tests and benches shorten them. */
export interface EngineTuning {
  /** How long a lease lasts without renewal (another desk takes over after at most this plus one beat). */
  leaseMs: number;
  /** Heartbeat: desk presence, lease renewal, the desk list. */
  beatMs: number;
  /** Pull even without a notification this often (LISTEN/NOTIFY's fallback). */
  pollMs: number;
  /** How often the leader sends its reads (`last_seen_at`) of the tasks it polls. */
  seenMs: number;
  /** First wait before reconnecting; doubles up to `reconnectMaxMs`. */
  reconnectMs: number;
  reconnectMaxMs: number;
  pushBatch: number;
  pullPage: number;
  /** A desk is online while its last heartbeat is younger than this. */
  onlineMs: number;
}

export const DEFAULT_ENGINE_TUNING: EngineTuning = {
  leaseMs: 6_000,
  beatMs: 2_000,
  pollMs: 2_000,
  seenMs: 5_000,
  reconnectMs: 1_000,
  reconnectMaxMs: 10_000,
  pushBatch: 5_000,
  pullPage: 10_000,
  onlineMs: 10_000,
};

export interface EngineDeps {
  store: TeamStore;
  endpoint: TeamEndpoint;
  password: () => Promise<string | null>;
  deskId: string;
  deskName: () => string;
  version: string;
  log: Logger;
  /** Ids of accounts and storage targets that never leave this desk (the Sandbox's own). */
  localOnly: () => ReadonlySet<string>;
  /** Vendor account keys this desk can poll (it holds their secrets). */
  candidateKeys: () => string[];
  /** What a page of changes from other desks changed here. */
  onApplied: (applied: Applied) => void;
  /** Connection, desks or leases changed. */
  onStatus: () => void;
  tuning?: Partial<EngineTuning>;
}

export interface LeaseRow {
  key: string;
  deskId: string;
  expiresAt: number;
}

export interface DeskRow {
  id: string;
  name: string;
  lastSeenAt: number | null;
}

/** One team link at work: push, pull, heartbeat and leases over one pool, and LISTEN on its own connection. */
export interface Engine {
  connected(): boolean;
  /** Since when a started engine has not been connected; null while connected. */
  since(): number | null;
  problem(): Message | null;
  /** Keys whose lease this desk holds right now (renewed within the lease time). */
  ledKeys(): ReadonlySet<string>;
  leases(): LeaseRow[];
  desks(): DeskRow[];
  /** Desks seen online when the server was last reachable (at least 1: this one). */
  desksLastSeen(): number;
  /** Something changed here: push soon. */
  nudge(): void;
  /** Reserves a slot on a rate lane of the team's budget; answers how long to wait (ms), or null when the server cannot be asked. */
  take(lane: string, intervalMs: number, backgroundIntervalMs: number, background: boolean): Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts syncing with the team server; it keeps retrying in the background until stopped. */
export function startEngine(deps: EngineDeps): Engine {
  const t: EngineTuning = { ...DEFAULT_ENGINE_TUNING, ...deps.tuning };
  const { store, log } = deps;
  let running = true;
  let pool: pg.Pool | null = null;
  let listener: pg.Client | null = null;
  let isConnected = false;
  let since: number | null = Date.now();
  let problem: Message | null = null;
  let wakeUp: (() => void) | null = null;
  let pendingWake = false;
  let reconnectDelay = t.reconnectMs;
  let nextBeatAt = 0;
  let nextSeenAt = 0;
  let seenSince = Date.now() - t.seenMs;
  let led = new Map<string, number>();
  let leases: LeaseRow[] = [];
  let desks: DeskRow[] = [];
  let lastOnline = 1;

  function wake(): void {
    pendingWake = true;
    wakeUp?.();
  }

  function sleep(ms: number): Promise<void> {
    if (pendingWake) {
      pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeUp = null;
        pendingWake = false;
        resolve();
      }
      wakeUp = done;
    });
  }

  /** A pooled client for a transaction: a server that dies mid-way rejects the query, and must not also throw from the socket. */
  // A checked-out client that loses its socket emits 'error'; the failing query reports it, so one quiet listener per client (the pool reuses them).
  const guarded = new WeakSet<pg.PoolClient>();
  async function checkout(p: pg.Pool): Promise<pg.PoolClient> {
    const client = await p.connect();
    if (!guarded.has(client)) {
      guarded.add(client);
      client.on('error', () => undefined);
    }
    return client;
  }

  async function connect(): Promise<void> {
    const password = await deps.password();
    // Resolved at each (re)connection: a server that gained or lost TLS since is met as it is now.
    const config = await connectionConfig(deps.endpoint, password, `RecDeck ${deps.deskName()}`);
    const p = new pg.Pool({ ...config, max: 4, idleTimeoutMillis: 30_000 });
    p.on('error', (e) => log.warn('team.pool', { error: e.message.slice(0, 200) }));
    try {
      const client = await checkout(p);
      try {
        await migrateServer(client, `RecDeck ${deps.version}`);
        await client.query(
          `INSERT INTO recdeck_desks (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_seen_at = now()`,
          [deps.deskId, deps.deskName()],
        );
      } finally {
        client.release();
      }
      const l = new pg.Client(config);
      l.on('error', (e) => lost(e));
      l.on('notification', (n) => {
        if (n.payload !== deps.deskId) wake();
      });
      listener = l;
      await l.connect();
      await l.query('LISTEN recdeck_changes');
      pool = p;
    } catch (e) {
      await listener?.end().catch(() => undefined);
      listener = null;
      await p.end().catch(() => undefined);
      throw e;
    }
    isConnected = true;
    since = null;
    problem = null;
    reconnectDelay = t.reconnectMs;
    nextBeatAt = 0;
    log.info('team.connected', { url: deps.endpoint.url, tls: config.ssl !== false });
    deps.onStatus();
  }

  function lost(e: unknown): void {
    if (!isConnected && pool === null) return;
    const d = diagnose(e, deps.endpoint);
    log.warn('team.disconnected', { problem: d.problem, error: e instanceof Error ? e.message.slice(0, 200) : String(e) });
    isConnected = false;
    since = Date.now();
    problem = d.message;
    const p = pool;
    const l = listener;
    pool = null;
    listener = null;
    void l?.end().catch(() => undefined);
    void p?.end().catch(() => undefined);
    deps.onStatus();
    wake();
  }

  async function push(p: pg.Pool): Promise<void> {
    for (;;) {
      const batch = nextBatch(store, t.pushBatch, deps.localOnly());
      if (batch.entries.length === 0) return;
      if (batch.changes.length > 0) {
        const client = await checkout(p);
        try {
          await client.query('BEGIN');
          await client.query('SELECT pg_advisory_xact_lock($1)', [RECDECK_LOCK]);
          // One JSON parameter: PostgreSQL reads it natively, where text arrays would be escaped value by value.
          await client.query(
            `INSERT INTO recdeck_changes (uid, desk_id, kind, entity, body)
             SELECT x.uid, $2, x.kind, x.entity, x.body FROM ROWS FROM (json_to_recordset($1::json) AS (uid text, kind text, entity text, body text)) WITH ORDINALITY AS x(uid, kind, entity, body, n)
             ORDER BY x.n
             ON CONFLICT (uid) DO NOTHING`,
            [JSON.stringify(batch.changes), deps.deskId],
          );
          await client.query('SELECT pg_notify($1, $2)', ['recdeck_changes', deps.deskId]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          client.release();
        }
      }
      store.ack((batch.entries[batch.entries.length - 1] as { rev: number }).rev);
      if (batch.entries.length < t.pushBatch) return;
    }
  }

  async function pull(p: pg.Pool): Promise<void> {
    for (;;) {
      const cursor = store.link()?.cursor ?? 0;
      const r = await p.query<{ seq: string; uid: string; desk_id: string; kind: string; entity: string; body: string }>(
        'SELECT seq, uid, desk_id, kind, entity, body FROM recdeck_changes WHERE seq > $1 ORDER BY seq LIMIT $2',
        [cursor, t.pullPage],
      );
      if (r.rows.length === 0) return;
      const last = Number(r.rows[r.rows.length - 1]?.seq);
      const changes: ServerChange[] = [];
      for (const row of r.rows) {
        if (row.desk_id !== deps.deskId) changes.push({ seq: Number(row.seq), uid: row.uid, deskId: row.desk_id, kind: row.kind, entity: row.entity, body: row.body });
      }
      const applied = applyChanges(store, changes, last, log);
      if (applied.tasks.size > 0 || applied.rows.size > 0) deps.onApplied(applied);
      if (r.rows.length < t.pullPage) return;
    }
  }

  async function beat(p: pg.Pool): Promise<void> {
    await p.query('UPDATE recdeck_desks SET last_seen_at = now(), name = $2 WHERE id = $1', [deps.deskId, deps.deskName()]);
    const at = Date.now();
    const wanted = new Set(deps.candidateKeys());
    const next = new Map<string, number>();
    for (const key of wanted) {
      const r = await p.query<{ desk_id: string }>(
        `INSERT INTO recdeck_leases AS l (key, desk_id, acquired_at, expires_at) VALUES ($1, $2, now(), now() + $3 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET desk_id = excluded.desk_id, expires_at = excluded.expires_at,
           acquired_at = CASE WHEN l.desk_id = excluded.desk_id THEN l.acquired_at ELSE now() END
         WHERE l.desk_id = excluded.desk_id OR l.expires_at < now()
         RETURNING desk_id`,
        [key, deps.deskId, t.leaseMs],
      );
      if (r.rows[0]?.desk_id === deps.deskId) next.set(key, at + t.leaseMs - t.beatMs / 2);
    }
    const dropped = [...led.keys()].filter((k) => !wanted.has(k));
    if (dropped.length > 0) await p.query('DELETE FROM recdeck_leases WHERE desk_id = $1 AND key = ANY($2::text[])', [deps.deskId, dropped]);
    const changed = [...next.keys()].sort().join() !== [...led.keys()].sort().join();
    led = next;
    const l = await p.query<{ key: string; desk_id: string; ms: number }>(
      `SELECT key, desk_id, (extract(epoch FROM expires_at - now()) * 1000)::float8 AS ms FROM recdeck_leases WHERE expires_at > now() ORDER BY key`,
    );
    leases = l.rows.map((row) => ({ key: row.key, deskId: row.desk_id, expiresAt: Math.round(at + Number(row.ms)) }));
    const d = await p.query<{ id: string; name: string; age: number }>(
      `SELECT id, name, (extract(epoch FROM now() - last_seen_at) * 1000)::float8 AS age FROM recdeck_desks ORDER BY name`,
    );
    desks = d.rows.map((row) => ({ id: row.id, name: row.name, lastSeenAt: Math.round(at - Number(row.age)) }));
    lastOnline = Math.max(1, desks.filter((x) => x.lastSeenAt !== null && at - x.lastSeenAt < t.onlineMs).length);
    store.putDesks(desks);
    if (changed) log.info('team.leases', { led: [...led.keys()] });
    deps.onStatus();
  }

  /** The leader's reads travel as one `seen` change now and then, not as a snapshot per read. */
  async function sendSeen(p: pg.Pool): Promise<void> {
    const pairs = store.seenSince(seenSince);
    if (pairs.length === 0) return;
    seenSince = Math.max(...pairs.map(([, at]) => at));
    await p.query(
      `WITH x AS (SELECT pg_advisory_xact_lock($1)) INSERT INTO recdeck_changes (uid, desk_id, kind, entity, body)
       SELECT gen_random_uuid()::text, $2, 'seen', '', $3 FROM x`,
      [RECDECK_LOCK, deps.deskId, JSON.stringify({ tasks: pairs })],
    );
  }

  async function run(): Promise<void> {
    while (running) {
      if (!isConnected) {
        try {
          await connect();
        } catch (e) {
          const d = diagnose(e, deps.endpoint);
          problem = d.message;
          deps.onStatus();
          log.warn('team.connect', { problem: d.problem });
          await sleep(reconnectDelay);
          reconnectDelay = Math.min(t.reconnectMaxMs, reconnectDelay * 2);
          continue;
        }
      }
      const p = pool;
      if (!p) continue;
      try {
        await push(p);
        await pull(p);
        const now = Date.now();
        if (now >= nextBeatAt) {
          nextBeatAt = now + t.beatMs;
          await beat(p);
        }
        if (now >= nextSeenAt && led.size > 0) {
          nextSeenAt = now + t.seenMs;
          await sendSeen(p);
        }
      } catch (e) {
        if (!running) return;
        lost(e);
        continue;
      }
      await sleep(Math.min(t.pollMs, Math.max(0, nextBeatAt - Date.now())));
    }
  }

  const loop = run().catch((e: unknown) => log.error('team.loop', { error: e instanceof Error ? e.message : String(e) }));

  return {
    connected: () => isConnected,
    since: () => since,
    problem: () => problem,
    ledKeys() {
      const now = Date.now();
      return new Set([...led].filter(([, until]) => until > now).map(([k]) => k));
    },
    leases: () => leases,
    desks: () => desks,
    desksLastSeen: () => lastOnline,
    nudge: wake,
    async take(lane, intervalMs, backgroundIntervalMs, background) {
      const p = pool;
      if (!p || !isConnected) return null;
      try {
        const r = await p.query<{ w: number }>('SELECT recdeck_take($1, $2, $3, $4) AS w', [lane, intervalMs, backgroundIntervalMs, background]);
        return Math.max(0, Number(r.rows[0]?.w ?? 0));
      } catch (e) {
        lost(e);
        return null;
      }
    },
    async stop() {
      running = false;
      wake();
      await loop;
      const p = pool;
      if (p && isConnected) await p.query('DELETE FROM recdeck_leases WHERE desk_id = $1', [deps.deskId]).catch(() => undefined);
      isConnected = false;
      pool = null;
      await listener?.end().catch(() => undefined);
      listener = null;
      await p?.end().catch(() => undefined);
    },
  };
}
