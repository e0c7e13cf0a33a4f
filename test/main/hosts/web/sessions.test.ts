import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/app/core';
import { startWebHost, type WebHost } from '../../../../src-main/hosts/web/server';
import { captureLog } from '../../../helpers/log';
import { testCore } from '../../../helpers/core';

let host: WebHost;
let core: Core;

beforeAll(async () => {
  ({ core } = await testCore());
  const staticDir = mkdtempSync(join(tmpdir(), 'recdeck-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>RecDeck</title>');
  host = await startWebHost({ core, staticDir, log: captureLog().log });
});
afterAll(async () => {
  await host.close();
  await core.close();
});

const post = async (path: string, bearer: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { ok: boolean; value?: { token?: string; url?: string } } }> => {
  const res = await fetch(`${host.url}${path.slice(1)}`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, ...headers }, body: '{}' });
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { ok: false }) as { ok: boolean; value?: { token?: string; url?: string } } };
};
const codeOf = (url: string): string => new URL(url).hash.replace('#token=', '');

describe('browser host sessions', () => {
  it('spends a launch code once for a session token, and the code itself never opens the API', async () => {
    const url = host.launchUrl();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{43}$`));
    const code = codeOf(url);
    const asBearer = await post('/api/invoke/app:info', code);
    const first = await post('/api/session', code);
    const second = await post('/api/session', code);
    const session = first.body.value?.token ?? '';
    const withSession = await post('/api/invoke/app:info', session);
    const afterSpent = await post('/api/invoke/app:info', code);
    expect({
      asBearer: asBearer.status,
      first: [first.status, session.length],
      second: [second.status, second.body.ok],
      withSession: [withSession.status, withSession.body.ok],
      afterSpent: afterSpent.status,
    }).toEqual({ asBearer: 401, first: [200, 43], second: [401, false], withSession: [200, true], afterSpent: 401 });
  });

  it('mints a new page address only for a caller with a session or the API token', async () => {
    const denied = await post('/api/session/link', 'not-a-valid-token-at-all');
    const minted = await post('/api/session/link', host.token);
    const exchanged = await post('/api/session', codeOf(minted.body.value?.url ?? ''));
    expect([denied.status, minted.status, exchanged.status, typeof exchanged.body.value?.token]).toEqual([401, 200, 200, 'string']);
  });

  it('refuses an exchange from a foreign page, and the code survives it', async () => {
    const code = codeOf(host.launchUrl());
    const foreign = await post('/api/session', code, { origin: 'http://evil.example' });
    const own = await post('/api/session', code, { origin: `http://127.0.0.1:${host.port}` });
    expect([foreign.status, own.status]).toEqual([403, 200]);
  });
});
