import { readFileSync } from 'node:fs';
import pg from 'pg';
import { msg, type Message, type TeamProblem, type TeamTestResult } from '@contract';
import { AppFailure } from '../errors/app-failure';
import { SERVER_MIGRATIONS } from './server-schema';

/** Where the team server is: the URL without password (what may be stored and shown) and how to connect. */
export interface TeamEndpoint {
  url: string;
  host: string;
  port: number;
  user: string;
  database: string;
  tls: TlsMode;
  /** `sslrootcert`: the CA file, read at each connection (a missing file is then a TLS problem the desk shows and retries). */
  rootCert: string | null;
}

/**
 * What TLS does, as libpq reads `sslmode`: `allow` tries plain first and TLS if the server refuses plain;
 * `prefer` tries TLS first and plain if the server offers no TLS; neither checks the certificate.
 * `require` encrypts only; `verify-ca` also checks the chain; `verify-full` also the host name.
 */
export type TlsMode = 'off' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

const TLS_MODES = new Map<string, TlsMode>([
  ['disable', 'off'],
  ['allow', 'allow'],
  ['prefer', 'prefer'],
  ['require', 'require'],
  ['verify-ca', 'verify-ca'],
  ['verify-full', 'verify-full'],
]);

function badUrl(message: Message = msg('team.problem.bad-url', { example: 'postgres://USER@HOST:PORT/DATABASE' })): AppFailure {
  return new AppFailure('TEAM', message, { details: { problem: 'bad-url' } });
}

/** The query options RecDeck reads; any other would be dropped without a word (a client certificate, a timeout). */
const URL_OPTIONS = ['sslmode', 'sslrootcert'];

/**
 * Reads `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&sslrootcert=FILE]`. A password in
 * the URL is taken out (it goes to the keychain, never into SQLite). `sslmode`: `require` encrypts,
 * `verify-ca` also checks the certificate chain (against `sslrootcert` when given), `verify-full` also
 * the host name; `allow` and `prefer` (the default, as in libpq) fall back as {@link connectionConfig}
 * says; `disable` connects without TLS.
 */
export function parseTeamUrl(text: string): { endpoint: TeamEndpoint; password: string | null } {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw badUrl();
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if ((u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') || !u.hostname || !u.username || !database || database.includes('/')) throw badUrl();
  const port = u.port === '' ? 5432 : Number(u.port);
  const unread = [...u.searchParams.keys()].find((k) => !URL_OPTIONS.includes(k));
  if (unread !== undefined) throw badUrl(msg('team.url.option', { option: unread.slice(0, 40) }));
  const sslmode = u.searchParams.get('sslmode') ?? 'prefer';
  const tls = TLS_MODES.get(sslmode);
  if (!tls) throw badUrl(msg('team.url.sslmode', { value: sslmode.slice(0, 40) }));
  const rootCert = u.searchParams.get('sslrootcert') || null;
  const user = decodeURIComponent(u.username);
  const search = u.search.length > 1 ? `?${new URLSearchParams([...u.searchParams]).toString()}` : '';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return {
    endpoint: { url: `postgres://${encodeURIComponent(user)}@${u.host}/${encodeURIComponent(database)}${search}`, host, port, user, database, tls, rootCert },
    password: u.password ? decodeURIComponent(u.password) : null,
  };
}

/** The CA certificates of `sslrootcert`; an unreadable file is a TLS problem named with its path. */
function readRootCert(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new AppFailure('TEAM', msg('team.problem.tls', { detail: `sslrootcert ${file} cannot be read${typeof code === 'string' ? ` (${code})` : ''}` }), { details: { problem: 'tls' } });
  }
}

/** Node's TLS options for an endpoint's mode, as libpq reads `sslmode` (for `allow` and `prefer`: their first try). */
function tlsOptions(endpoint: TeamEndpoint): pg.ClientConfig['ssl'] {
  if (endpoint.tls === 'off' || endpoint.tls === 'allow') return false;
  if (endpoint.tls === 'require' || endpoint.tls === 'prefer') return { rejectUnauthorized: false };
  const ca = endpoint.rootCert === null ? {} : { ca: readRootCert(endpoint.rootCert) };
  // verify-ca trusts any certificate the CA signed, whatever host it names (a server reached by an address its certificate leaves out).
  const identity = endpoint.tls === 'verify-ca' ? { checkServerIdentity: () => undefined } : {};
  return { rejectUnauthorized: true, ...ca, ...identity };
}

/** The `pg` settings of an endpoint's first try; `password` null leaves pg to PGPASSWORD. Reads `sslrootcert` (a TLS problem when unreadable). */
function clientConfig(endpoint: TeamEndpoint, password: string | null, appName: string): pg.ClientConfig {
  return {
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    database: endpoint.database,
    ssl: tlsOptions(endpoint),
    application_name: appName,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 15_000,
    query_timeout: 20_000,
    keepAlive: true,
    ...(password === null ? {} : { password }),
  };
}

/** A pg_hba.conf that takes this user only over TLS answers a plain connection with 28000 ("… no encryption"). */
function refusedWithoutTls(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return err.code === '28000' && typeof err.message === 'string' && /no encryption/i.test(err.message);
}

/**
 * The `pg` settings to connect with, decided once per connection attempt. `prefer` and `allow` need
 * the server's answer, so they connect once to ask it: `prefer` tries TLS and falls back to plain
 * when the server has no TLS; `allow` tries plain and switches to TLS (unchecked) when the server
 * refuses plain. Any other failure of that try is thrown as it came, for {@link diagnose}.
 */
export async function connectionConfig(endpoint: TeamEndpoint, password: string | null, appName: string): Promise<pg.ClientConfig> {
  const first = clientConfig(endpoint, password, appName);
  if (endpoint.tls !== 'prefer' && endpoint.tls !== 'allow') return first;
  const probe = new pg.Client(first);
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return first;
  } catch (e) {
    if (endpoint.tls === 'prefer' && e instanceof Error && e.message === 'The server does not support SSL connections') return { ...first, ssl: false };
    if (endpoint.tls === 'allow' && refusedWithoutTls(e)) return { ...first, ssl: { rejectUnauthorized: false } };
    throw e;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** Why a connection or its first queries failed, as the operator can act on it. */
export function diagnose(e: unknown, endpoint: TeamEndpoint): { problem: TeamProblem; message: Message } {
  const m = (problem: TeamProblem, params: Record<string, string | number> = {}) => ({ problem, message: msg(`team.problem.${problem}`, params) });
  if (e instanceof AppFailure && e.code === 'TEAM') {
    return { problem: (e.details['problem'] as TeamProblem | undefined) ?? 'other', message: e.text ?? msg('team.problem.other', { detail: e.message }) };
  }
  const err = e as { code?: string; message?: string };
  const code = typeof err.code === 'string' ? err.code : '';
  const text = typeof err.message === 'string' ? err.message : String(e);
  const where = { host: endpoint.host, port: endpoint.port };
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN'].includes(code) || /timeout expired|connect ETIMEDOUT/i.test(text)) return m('unreachable', where);
  // A TLS-only pg_hba rule refusing a plain connection: that is sslmode, not the password.
  if (refusedWithoutTls(e)) return m('tls', { detail: text.slice(0, 160) });
  if (code === '28P01' || code === '28000' || /password must be a string|SASL|no password supplied|password authentication/i.test(text)) return m('auth-failed', { user: endpoint.user });
  if (code === '3D000') return m('database-missing', { database: endpoint.database });
  if (code === '42501') return m('permission', { user: endpoint.user });
  // Asked for TLS (prefer, require, verify-*), it answered neither yes nor no: the other end does not speak PostgreSQL.
  if (text === 'There was an error establishing an SSL connection') return m('not-postgres', where);
  if (/ssl|tls|certificate|self.signed|EPROTO/i.test(`${code} ${text}`)) return m('tls', { detail: text.slice(0, 160) });
  if (/Connection terminated unexpectedly|Unknown message code|unexpected|invalid response|ECONNRESET/i.test(text)) return m('not-postgres', where);
  return m('other', { detail: text.slice(0, 200) });
}

/**
 * Tests a server without changing anything on it: connects, checks it is PostgreSQL, and reads the
 * RecDeck schema version if there is one (a newer one is refused here, before a join).
 */
export async function testServer(endpoint: TeamEndpoint, password: string | null): Promise<TeamTestResult> {
  let client: pg.Client | null = null;
  try {
    client = new pg.Client(await connectionConfig(endpoint, password, 'RecDeck connection test'));
    client.on('error', () => undefined);
    await client.connect();
    const version = (await client.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v ?? '';
    if (!/^PostgreSQL /.test(version)) return { ok: false, problem: 'not-postgres', message: msg('team.problem.not-postgres', { host: endpoint.host, port: endpoint.port }), serverVersion: version || null };
    const hasSchema = (await client.query<{ t: string | null }>("SELECT to_regclass('recdeck_schema')::text AS t")).rows[0]?.t;
    if (hasSchema) {
      const stored = (await client.query<{ version: number }>('SELECT version FROM recdeck_schema WHERE id = 1')).rows[0]?.version ?? 0;
      if (stored > SERVER_MIGRATIONS.length) {
        return { ok: false, problem: 'schema-too-new', message: msg('team.problem.schema-too-new', { version: stored, known: SERVER_MIGRATIONS.length }), serverVersion: version };
      }
    }
    return { ok: true, problem: null, message: msg('team.ok', { version: version.split(' on ')[0] ?? version }), serverVersion: version };
  } catch (e) {
    const { problem, message } = diagnose(e, endpoint);
    return { ok: false, problem, message, serverVersion: null };
  } finally {
    await client?.end().catch(() => undefined);
  }
}
