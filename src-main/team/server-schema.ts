import type pg from 'pg';
import { msg } from '@contract';
import { AppFailure } from '../errors/app-failure';

/**
 * The team server's schema, versioned like the local one: migration `i` takes `recdeck_schema.version`
 * from `i` to `i + 1`. Append only. Everything lives in the database's default schema under a
 * `recdeck_` prefix, so the team can share a database with other applications.
 */
export const SERVER_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE recdeck_desks (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    joined_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
  );
  -- One append-only log of every change any desk made; seq order is commit order (pushes hold an advisory lock).
  CREATE TABLE recdeck_changes (
    seq     bigserial PRIMARY KEY,
    uid     text NOT NULL UNIQUE,
    desk_id text NOT NULL,
    kind    text NOT NULL,
    entity  text NOT NULL,
    body    text NOT NULL,
    at      timestamptz NOT NULL DEFAULT now()
  );
  -- Which desk polls each vendor account key, until when.
  CREATE TABLE recdeck_leases (
    key         text PRIMARY KEY,
    desk_id     text NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
  );
  -- The team's rate budget per vendor rate lane: the next free slot (ms, server clock), and the next for background calls.
  CREATE TABLE recdeck_budgets (
    lane   text PRIMARY KEY,
    tat    double precision NOT NULL,
    bg_tat double precision NOT NULL
  );
  CREATE FUNCTION recdeck_take(p_lane text, p_interval double precision, p_bg_interval double precision, p_background boolean)
  RETURNS double precision LANGUAGE plpgsql AS $$
  DECLARE
    t double precision := extract(epoch FROM clock_timestamp()) * 1000;
    r recdeck_budgets%ROWTYPE;
    slot double precision;
  BEGIN
    INSERT INTO recdeck_budgets (lane, tat, bg_tat) VALUES (p_lane, 0, 0) ON CONFLICT (lane) DO NOTHING;
    SELECT * INTO r FROM recdeck_budgets WHERE lane = p_lane FOR UPDATE;
    slot := greatest(t, r.tat);
    IF p_background THEN slot := greatest(slot, r.bg_tat); END IF;
    UPDATE recdeck_budgets
       SET tat = slot + p_interval,
           bg_tat = CASE WHEN p_background THEN slot + p_bg_interval ELSE bg_tat END
     WHERE lane = p_lane;
    RETURN slot - t;
  END $$;
  `,
];

/** The advisory lock every schema change and every push holds (one number, RecDeck's). */
export const RECDECK_LOCK = 7_214_014;

/**
 * Brings the server's schema up to this build's version in one transaction. A server written by a
 * newer RecDeck is refused (`TEAM`, problem `schema-too-new`) before anything changes on it or here.
 */
export async function migrateServer(client: pg.ClientBase, writtenBy: string): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [RECDECK_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS recdeck_schema (
         id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL, written_by text NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())`,
    );
    const row = await client.query<{ version: number }>('SELECT version FROM recdeck_schema WHERE id = 1');
    const current = row.rows[0]?.version ?? 0;
    if (current > SERVER_MIGRATIONS.length) throw schemaTooNew(current);
    for (let i = current; i < SERVER_MIGRATIONS.length; i++) await client.query(SERVER_MIGRATIONS[i] as string);
    if (current < SERVER_MIGRATIONS.length) {
      await client.query(
        `INSERT INTO recdeck_schema (id, version, written_by) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, written_by = excluded.written_by, migrated_at = now()`,
        [SERVER_MIGRATIONS.length, writtenBy],
      );
    }
    await client.query('COMMIT');
    return SERVER_MIGRATIONS.length;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** A server schema this build does not know. */
export function schemaTooNew(version: number): AppFailure {
  return new AppFailure('TEAM', msg('team.error.schemaTooNew', { version, known: SERVER_MIGRATIONS.length }), {
    details: { problem: 'schema-too-new', version, known: SERVER_MIGRATIONS.length },
  });
}
