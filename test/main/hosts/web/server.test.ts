import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/app/core';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../../../src-main/hosts/web/server';
import { captureLog } from '../../../helpers/log';
import { testCore } from '../../../helpers/core';
import { flood } from '../../loopback/flood';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw node:http so the test controls Host, Origin and the body exactly. */
function send(host: WebHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let host: WebHost;
let core: Core;
const auth = (): Record<string, string> => ({ authorization: `Bearer ${host.token}`, 'content-type': 'application/json' });

beforeAll(async () => {
  ({ core } = await testCore());
  const staticDir = mkdtempSync(join(tmpdir(), 'recdeck-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>RecDeck</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const outside = mkdtempSync(join(tmpdir(), 'recdeck-outside-'));
  writeFileSync(join(outside, 'private.txt'), 'OUTSIDE-THE-RENDERER');
  symlinkSync(join(outside, 'private.txt'), join(staticDir, 'assets', 'linked.js'));
  symlinkSync(outside, join(staticDir, 'linked-dir'));
  symlinkSync(join(staticDir, 'assets', 'app.js'), join(staticDir, 'assets', 'alias.js'));
  host = await startWebHost({ core, staticDir, port: 0, log: captureLog().log });
});
afterAll(async () => {
  await host.close();
  await core.close();
});

describe('browser host', () => {
  it('answers an invoke with the core Result when token, Host and Origin are right', async () => {
    const reply = await send(host, {
      method: 'POST',
      path: '/api/invoke/app:ping',
      headers: { ...auth(), origin: `http://127.0.0.1:${host.port}` },
      body: JSON.stringify({ echo: 'hello' }),
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { pong: true, at: expect.any(Number), echo: 'hello' } });
  });

  it.each([
    ['missing', {}],
    ['wrong', { authorization: 'Bearer not-the-token' }],
    ['wrong scheme', { authorization: 'Basic abc' }],
  ])('answers 401 when the token is %s', async (_label, headers) => {
    const reply = await send(host, { method: 'POST', path: '/api/invoke/app:info', headers: headers as Record<string, string>, body: '{}' });
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain(host.token);
  });

  it('answers 403 to a foreign Origin even with the right token', async () => {
    const reply = await send(host, { method: 'POST', path: '/api/invoke/app:info', headers: { ...auth(), origin: 'http://evil.example' }, body: '{}' });
    expect(reply.status).toBe(403);
  });

  it('answers 403 to a foreign Host header (DNS rebinding), pages included', async () => {
    const api = await send(host, { method: 'POST', path: '/api/invoke/app:info', headers: { ...auth(), host: `evil.example:${host.port}` }, body: '{}' });
    const page = await send(host, { path: '/', headers: { host: 'evil.example' } });
    expect([api.status, page.status]).toEqual([403, 403]);
  });

  it('answers 413 to a body over 1 MiB, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 10, 0x20);
    const declared = await send(host, { method: 'POST', path: '/api/invoke/app:ping', headers: auth(), body: big });
    expect(declared.status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/invoke/app:ping', headers: { ...auth(), 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 11; i++) req.write(Buffer.alloc(100 * 1024, 0x20));
      req.end();
    });
    expect(chunked).toBe(413);
  });

  it('stops reading a body at the failed token check or at the first byte past 1 MiB, and closes', async () => {
    const body = 64 * 1024 * 1024;
    const head = (extra: string, hostName = `127.0.0.1:${host.port}`): string =>
      `POST /api/invoke/app:ping HTTP/1.1\r\nhost: ${hostName}\r\ncontent-type: application/json${extra}`;
    const outcomes = await Promise.all([
      flood(host.port, head(''), body),
      flood(host.port, head(`\r\ncontent-length: ${body}`), body),
      flood(host.port, head(`\r\nauthorization: Bearer ${host.token}`), body),
      flood(host.port, head('', 'evil.example'), body),
    ]);
    expect(outcomes.map((o) => [o.status, o.bodyBytesSent < body / 4])).toEqual([
      [401, true],
      [401, true],
      [413, true],
      [403, true],
    ]);
  });

  it('answers an unknown channel with a Result error and keeps serving', async () => {
    const reply = await send(host, { method: 'POST', path: '/api/invoke/fs:readFile', headers: auth(), body: '{}' });
    expect([reply.status, JSON.parse(reply.body)]).toEqual([200, { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel' } }]);
    const after = await send(host, { method: 'POST', path: '/api/invoke/app:info', headers: auth(), body: '{}' });
    expect(JSON.parse(after.body).ok).toBe(true);
  });

  it('answers malformed JSON with INVALID_INPUT', async () => {
    const reply = await send(host, { method: 'POST', path: '/api/invoke/app:ping', headers: auth(), body: '{"echo":' });
    expect([reply.status, JSON.parse(reply.body).error.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('serves the renderer with a CSP and refuses path traversal', async () => {
    const page = await send(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const traversal = await send(host, { path: '/../../etc/passwd' });
    const encoded = await send(host, { path: '/%2e%2e/%2e%2e/etc/passwd' });
    expect([traversal.status, encoded.status]).toEqual([404, 404]);
  });

  it('answers 400, not 500, to malformed percent-encoding in a page path or a channel name', async () => {
    const page = await send(host, { path: '/%E0%A4%A' });
    const asset = await send(host, { path: '/assets/%E0%A4%A.js' });
    const channel = await send(host, { method: 'POST', path: '/api/invoke/%E0%A4%A', headers: auth(), body: '{}' });
    const untokened = await send(host, { method: 'POST', path: '/api/invoke/%E0%A4%A', body: '{}' });
    expect([page.status, asset.status, channel.status, JSON.parse(channel.body).error.code, untokened.status]).toEqual([400, 400, 400, 'INVALID_INPUT', 401]);
  });

  it('serves no file through a symlink that leads out of the renderer folder', async () => {
    const replies = await Promise.all(['/assets/linked.js', '/linked-dir/private.txt', '/assets/alias.js'].map((path) => send(host, { path })));
    expect(replies.map((r) => [r.status, r.body.includes('OUTSIDE-THE-RENDERER')])).toEqual([
      [404, false],
      [404, false],
      [200, false],
    ]);
    expect(replies[2]?.body).toBe('console.log(1)');
  });

  it('listens on 127.0.0.1 only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      const refused = await new Promise<boolean>((resolve) => {
        const req = request({ host: external.address, port: host.port, path: '/' }, () => resolve(false));
        req.on('error', () => resolve(true));
        req.end();
      });
      expect(refused).toBe(true);
    }
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
  });

  it('delivers core events over the SSE stream, authenticated by header', async () => {
    const unauthorized = await fetch(`http://127.0.0.1:${host.port}/api/events`);
    expect(unauthorized.status).toBe(401);
    const res = await fetch(`http://127.0.0.1:${host.port}/api/events`, { headers: { authorization: `Bearer ${host.token}` } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read();
    await core.dispatch('app:ping', {}, { host: 'web', trusted: true, senderId: 't' });
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    await reader.cancel();
    expect(text).toMatch(/^event: app:pinged\ndata: \{"at":\d+\}\n\n/);
  });
});
