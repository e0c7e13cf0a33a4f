import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '../../../src-main/team/cluster';
import { freshDatabase, serverClient, throwawayCluster, throwawayTlsCluster, type TlsCluster } from '../../helpers/pg';
import { openDesk, until, type Desk } from './desks';

/**
 * Team mode against a real TLS PostgreSQL server (certificate for IP 127.0.0.1 only, signed by a
 * throw-away CA; the desks' role is refused without TLS), through real cores: what each `sslmode`
 * verifies, and that a refusal is called a TLS problem and leaves the desk and the server as they were.
 * A plain server (no TLS at all) beside it shows where `prefer` and `allow` fall back.
 */
let tls: TlsCluster;
let plain: LocalCluster;
let plainUrl: string;
const desks: Desk[] = [];

beforeAll(async () => {
  [tls, plain] = await Promise.all([throwawayTlsCluster(['studio', 'refused']), throwawayCluster()]);
  plainUrl = await freshDatabase(plain, 'studio');
  // A relaunched desk keeps no password (the tests' keychain lives for the session): it reads PGPASSWORD.
  process.env.PGPASSWORD = tls.password;
}, 120_000);
afterAll(async () => {
  for (const d of desks) await d.core.close().catch(() => undefined);
  tls?.cluster.destroy();
  plain?.destroy();
  delete process.env.PGPASSWORD;
});

function teamUrl(host: '127.0.0.1' | 'localhost', database: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return `postgres://${tls.user}@${host}:${tls.cluster.port}/${database}${search ? `?${search}` : ''}`;
}

async function desk(name: string): Promise<Desk> {
  const d = await openDesk(name);
  desks.push(d);
  return d;
}

/** Whether each connection a desk holds on a server's `studio` database is encrypted, by application name (`RecDeck <desk name>`). */
async function deskConnections(on: { cluster: LocalCluster; user: string } = tls): Promise<Array<{ app: string; ssl: boolean }>> {
  const server = await serverClient(on.cluster, 'postgres');
  try {
    const rows = await server.query<{ app: string; ssl: boolean }>(
      `SELECT a.application_name AS app, s.ssl FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.usename = $1 AND a.datname = 'studio' ORDER BY 1`,
      [on.user],
    );
    return rows.rows;
  } finally {
    await server.end();
  }
}

const storageTarget = {
  name: 'Studio COS over TLS',
  provider: 'tencent-cos',
  region: 'ap-guangzhou',
  bucket: 'studio-1250000000',
  pathPrefix: 'rec',
  secrets: { accessKeyId: 'AKIDstudiokey0000000000000000000001', accessKeySecret: 'studio-storage-secret-value-000001' },
} as const;

describe('team mode over TLS', () => {
  it('joins with sslmode=verify-full against the private CA; a storage target made on A reaches B, over TLS only', async () => {
    const url = teamUrl('127.0.0.1', 'studio', { sslmode: 'verify-full', sslrootcert: tls.caFile });
    const [a, b] = [await desk('Desk A'), await desk('Desk B')];
    for (const d of [a, b]) await d.ok('team:join', { url, password: tls.password });
    const made = await a.ok('storage:create', storageTarget);
    await until('the storage target on B', () => b.ok('storage:list', {}), (list) => list.some((x) => x.id === made.id && x.name === storageTarget.name));
    const status = await b.ok('team:status', {});
    expect([status.joined, status.url]).toEqual([true, url]);
    const connections = await until('both desks on the server', deskConnections, (rows) => ['RecDeck Desk A', 'RecDeck Desk B'].every((app) => rows.some((r) => r.app === app)));
    expect(connections.filter((c) => !c.ssl)).toEqual([]);
  }, 60_000);

  it('encrypts without checking the certificate under sslmode=require (a host name the certificate does not name, no CA given)', async () => {
    const r = await desk('Desk R');
    await r.ok('team:join', { url: teamUrl('localhost', 'studio', { sslmode: 'require' }), password: tls.password });
    await until('the storage target on R', () => r.ok('storage:list', {}), (list) => list.some((x) => x.name === storageTarget.name));
    const connections = await until('R on the server', deskConnections, (rows) => rows.some((c) => c.app === 'RecDeck Desk R'));
    expect(connections.filter((c) => c.app === 'RecDeck Desk R' && !c.ssl)).toEqual([]);
  }, 60_000);

  it('encrypts without checking the certificate when the URL names no sslmode or sslmode=prefer, and connects plain where the server has no TLS, as libpq does', async () => {
    const [d, p, q] = [await desk('Desk D'), await desk('Desk P'), await desk('Desk Q')];
    // `localhost` is not on the certificate and no CA is given: only an unchecked TLS connection gets through, and the role refuses plain.
    await d.ok('team:join', { url: teamUrl('localhost', 'studio', {}), password: tls.password });
    await p.ok('team:join', { url: teamUrl('localhost', 'studio', { sslmode: 'prefer' }), password: tls.password });
    const connections = await until('D and P on the server', deskConnections, (rows) => ['RecDeck Desk D', 'RecDeck Desk P'].every((app) => rows.some((r) => r.app === app)));
    expect(connections.filter((c) => ['RecDeck Desk D', 'RecDeck Desk P'].includes(c.app) && !c.ssl)).toEqual([]);

    await q.ok('team:join', { url: `${plainUrl}?sslmode=prefer`, password: plain.password });
    await q.ok('storage:create', storageTarget);
    const sent = await until('Q connected with nothing waiting', () => q.ok('team:status', {}), (s) => s.connected && s.pending === 0);
    expect([sent.joined, sent.problem]).toEqual([true, null]);
    const onPlain = await until('Q on the plain server', () => deskConnections({ cluster: plain, user: plain.user }), (rows) => rows.some((r) => r.app === 'RecDeck Desk Q'));
    expect(onPlain.filter((c) => c.app === 'RecDeck Desk Q' && c.ssl)).toEqual([]);
  }, 60_000);

  it('under sslmode=allow connects plain first, and over TLS (unchecked) where the server refuses plain, as libpq does', async () => {
    const [w, v] = [await desk('Desk W'), await desk('Desk V2')];
    await w.ok('team:join', { url: teamUrl('localhost', 'studio', { sslmode: 'allow' }), password: tls.password });
    const connections = await until('W on the server', deskConnections, (rows) => rows.some((r) => r.app === 'RecDeck Desk W'));
    expect(connections.filter((c) => c.app === 'RecDeck Desk W' && !c.ssl)).toEqual([]);

    await v.ok('team:join', { url: `${plainUrl}?sslmode=allow`, password: plain.password });
    await until('V2 connected', () => v.ok('team:status', {}), (s) => s.connected && s.problem === null);
    const onPlain = await until('V2 on the plain server', () => deskConnections({ cluster: plain, user: plain.user }), (rows) => rows.some((r) => r.app === 'RecDeck Desk V2'));
    expect(onPlain.filter((c) => c.app === 'RecDeck Desk V2' && c.ssl)).toEqual([]);
  }, 60_000);

  it('checks the chain but not the host name under sslmode=verify-ca, as libpq does', async () => {
    const v = await desk('Desk V');
    const ok = await v.ok('team:test', { url: teamUrl('localhost', 'studio', { sslmode: 'verify-ca', sslrootcert: tls.caFile }), password: tls.password });
    expect([ok.ok, ok.problem]).toEqual([true, null]);
    const wrongCa = await v.ok('team:test', { url: teamUrl('127.0.0.1', 'studio', { sslmode: 'verify-ca', sslrootcert: tls.otherCaFile }), password: tls.password });
    expect([wrongCa.ok, wrongCa.problem]).toEqual([false, 'tls']);
  });

  it('shows a TLS problem on a joined desk whose sslrootcert is missing at launch, and connects once the file is back', async () => {
    const ca = join(tls.cluster.dataDir, 'desk-l-ca.pem');
    copyFileSync(tls.caFile, ca);
    const l = await desk('Desk L');
    await l.ok('team:join', { url: teamUrl('127.0.0.1', 'studio', { sslmode: 'verify-full', sslrootcert: ca }), password: tls.password });
    await l.core.close();
    rmSync(ca);
    const again = await openDesk('Desk L', l.dataDir);
    desks.push(again);
    const down = await until('the TLS problem on L', () => again.ok('team:status', {}), (s) => s.problem !== null);
    expect([down.joined, down.connected, down.problem?.key]).toEqual([true, false, 'team.problem.tls']);
    copyFileSync(tls.caFile, ca);
    await until('L connected', () => again.ok('team:status', {}), (s) => s.connected && s.problem === null);
  }, 60_000);

  it('refuses as a TLS problem, joining nothing and creating nothing: an unknown CA, a host name not on the certificate, no TLS where the server demands it, an unreadable sslrootcert', async () => {
    const x = await desk('Desk X');
    const attempts = [
      { url: teamUrl('127.0.0.1', 'refused', { sslmode: 'verify-full', sslrootcert: tls.otherCaFile }), reason: /certificate/i },
      { url: teamUrl('localhost', 'refused', { sslmode: 'verify-full', sslrootcert: tls.caFile }), reason: /altnames/i },
      { url: teamUrl('127.0.0.1', 'refused', { sslmode: 'disable' }), reason: /no encryption/i },
      { url: teamUrl('127.0.0.1', 'refused', { sslmode: 'verify-full', sslrootcert: join(tls.cluster.dataDir, 'no-such-ca.pem') }), reason: /no-such-ca\.pem/ },
    ];
    for (const { url, reason } of attempts) {
      const tested = await x.ok('team:test', { url, password: tls.password });
      const joined = await x.call('team:join', { url, password: tls.password });
      expect({ url, problem: tested.problem, key: tested.message.key, join: joined.ok ? 'joined' : [joined.error.code, joined.error.details?.['problem']] }).toEqual({
        url,
        problem: 'tls',
        key: 'team.problem.tls',
        join: ['TEAM', 'tls'],
      });
      expect(String(tested.message.params?.['detail'])).toMatch(reason);
    }
    const status = await x.ok('team:status', {});
    expect([status.joined, status.url, status.pending]).toEqual([false, null, 0]);
    const server = await serverClient(tls.cluster, 'refused');
    try {
      expect((await server.query(`SELECT to_regclass('recdeck_schema')::text AS t`)).rows[0]?.t).toBeNull();
    } finally {
      await server.end();
    }
  }, 60_000);
});
