import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../src-main/emulator/server';
import { createZegoEmulator } from '../../../src-main/emulator/zego';
import { flood } from '../loopback/flood';
import { callbackReceiver } from '../vendors/zego/helpers';

describe('Sandbox server', () => {
  const clock = createVirtualClock({ speed: 0 });
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox({ clock, emulators: [createZegoEmulator()] });
  });
  afterAll(async () => {
    await sandbox.close();
    clock.dispose();
  });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${sandbox.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${sandbox.controlToken}` }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  /** One request with exactly these headers (fetch would not send a Host of our choosing). */
  const raw = (path: string, headers: Record<string, string>, body = '') =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: sandbox.port, path, method: body ? 'POST' : 'GET', headers, setHost: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('binds to 127.0.0.1 and answers unknown vendors and routes with 404', async () => {
    expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await post('/nope/', {})).status).toBe(404);
    expect((await post('/control/zego', {})).status).toBe(404);
  });

  it('advances the clock and validates control input', async () => {
    const before = clock.now();
    const r = await post('/control/clock/advance', { ms: 5000 });
    expect(r.json).toEqual({ ok: true, value: { now: before + 5000 } });
    expect((await post('/control/faults', { vendor: 'zego', kind: 'meteor' })).status).toBe(400);
    expect((await post('/control/zego/no-such-command', {})).json).toMatchObject({ ok: false, error: 'unknown zego control command "no-such-command"' });
  });

  it('queues faults through the control API and serves the vendor Date from the skewed vendor clock', async () => {
    await post('/control/zego/register-app', { appId: 5, serverSecret: 'x' });
    await post('/control/faults', { vendor: 'zego', kind: 'clock-skew', offsetSeconds: 3600 });
    const res = await fetch(`${sandbox.baseUrl}/zego/?Action=DescribeTasks`, { method: 'POST', body: '{}' });
    expect(Date.parse(res.headers.get('date') ?? '') - clock.now()).toBeGreaterThan(3_598_000);
    await post('/control/faults', { vendor: 'zego', kind: '5xx', count: 2, status: 502 });
    expect((await fetch(`${sandbox.baseUrl}/zego/`, { method: 'POST' })).status).toBe(502);
    expect((await fetch(`${sandbox.baseUrl}/zego/`, { method: 'POST' })).status).toBe(502);
    expect((await fetch(`${sandbox.baseUrl}/zego/`, { method: 'POST' })).status).toBe(200);
    await post('/control/faults/clear', {});
  });

  it('refuses control calls without the token, from a browser or for a foreign Host, and changes nothing', async () => {
    const host = `127.0.0.1:${sandbox.port}`;
    const bearer = `Bearer ${sandbox.controlToken}`;
    const form = 'application/x-www-form-urlencoded';
    await post('/control/zego/register-app', { appId: 9, serverSecret: 'kept' });
    const before = clock.now();
    const answers = [
      // A cross-site form post from a web page: no CORS preflight, no token.
      await raw('/control/zego/register-app', { host, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': form }, 'appId=9&serverSecret=stolen'),
      // Even with the token, a page (any Origin, same-origin fetches included) is refused.
      await raw('/control/clock/advance', { host, authorization: bearer, origin: `http://${host}` }, '{"ms":7200000}'),
      await raw('/control/clock/advance', { host, authorization: bearer, 'sec-fetch-site': 'same-origin' }, '{"ms":7200000}'),
      await raw('/control/faults', { host, 'content-type': 'application/json' }, '{"vendor":"zego","kind":"5xx","count":1}'),
      await raw('/control/faults', { host, authorization: `Bearer ${'x'.repeat(sandbox.controlToken.length)}` }, '{"vendor":"zego","kind":"5xx","count":1}'),
      // DNS rebinding: the page's own host name reaches 127.0.0.1 but says so in Host.
      await raw('/control/clock', { host: `rebind.evil.example:${sandbox.port}`, authorization: bearer }),
      await raw('/control/callbacks', { host: `127.0.0.1:${sandbox.port + 1}`, authorization: bearer }),
      await raw('/zego/?Action=DescribeTasks', { host: `rebind.evil.example:${sandbox.port}` }, '{}'),
    ];
    expect(answers.map((a) => [a.status, (JSON.parse(a.body) as { error: string }).error])).toEqual([
      [403, 'browser requests are refused'],
      [403, 'browser requests are refused'],
      [403, 'browser requests are refused'],
      [401, 'missing or wrong control token'],
      [401, 'missing or wrong control token'],
      [403, 'forbidden host'],
      [403, 'forbidden host'],
      [403, 'forbidden host'],
    ]);
    expect(clock.now()).toBe(before);
    const { signZegoRequest } = await import('../../../src-main/vendors/zego/sign');
    const q = new URLSearchParams({ Action: 'DescribeTasks', ...signZegoRequest(9, 'kept', Math.floor(clock.now() / 1000)) });
    const res = await fetch(`${sandbox.baseUrl}/zego/?${q.toString()}`, { method: 'POST', body: JSON.stringify({ Status: 2, StartTime: before - 1000, EndTime: before }) });
    expect(((await res.json()) as { Code: number }).Code).toBe(0);
  });

  it('serves the control API to its token holder and vendor paths with either loopback Host, no token', async () => {
    const bearer = `Bearer ${sandbox.controlToken}`;
    expect(sandbox.controlToken).toMatch(/^[\w-]{43}$/);
    expect((await raw('/control/clock', { host: `localhost:${sandbox.port}`, authorization: bearer })).status).toBe(200);
    expect((await raw('/control/clock', { host: `127.0.0.1:${sandbox.port}`, authorization: bearer, 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await raw('/zego/?Action=DescribeTasks', { host: `localhost:${sandbox.port}` }, '{}')).status).toBe(200);
  });

  it('answers 413 to a body over 4 MiB at the first byte past it, on vendor and control paths, and closes', async () => {
    const body = 64 * 1024 * 1024;
    const host = `host: 127.0.0.1:${sandbox.port}`;
    const outcomes = await Promise.all([
      flood(sandbox.port, `POST /zego/?Action=DescribeTasks HTTP/1.1\r\n${host}`, body),
      flood(sandbox.port, `POST /control/clock/advance HTTP/1.1\r\n${host}\r\nauthorization: Bearer ${sandbox.controlToken}`, body),
      flood(sandbox.port, `POST /zego/?Action=DescribeTasks HTTP/1.1\r\n${host}\r\ncontent-length: ${body}`, body),
    ]);
    expect(outcomes.map((o) => [o.status, o.bodyBytesSent < body / 4])).toEqual([
      [413, true],
      [413, true],
      [413, true],
    ]);
  });

  it('retries a failed callback twice, 5 s apart on the virtual clock, and calls only loopback', async () => {
    const receiver = await callbackReceiver(Number.MAX_SAFE_INTEGER);
    await post('/control/zego/register-app', { appId: 6, serverSecret: 'x', callbackSecret: 'c' });
    const { signZegoRequest } = await import('../../../src-main/vendors/zego/sign');
    const start = async (callbackUrl: string) => {
      const q = new URLSearchParams({ Action: 'StartRecord', ...signZegoRequest(6, 'x', Math.floor(clock.now() / 1000)) });
      const body = { RoomId: `cb-${callbackUrl.length}`, RecordInputParams: { RecordMode: 1, MaxIdleTime: 5 }, RecordOutputParams: { CallbackUrl: callbackUrl }, StorageParams: { Vendor: 8, Bucket: 'b', AccessKeyId: 'a', AccessKeySecret: 's' } };
      const res = await fetch(`${sandbox.baseUrl}/zego/?${q.toString()}`, { method: 'POST', body: JSON.stringify(body) });
      expect(((await res.json()) as { Code: number }).Code).toBe(0);
    };
    await start(receiver.url);
    await start('https://example.com/cb');
    const t0 = clock.now();
    await clock.advance(6000);
    await clock.advance(5000);
    await clock.advance(5000);
    await clock.advance(30_000);
    const idleEnd = sandbox.callbacks().filter((a) => a.url === receiver.url && a.body.includes('"event_type":2'));
    expect(idleEnd.map((a) => [a.attempt, a.status, a.at - t0])).toEqual([
      [1, 500, 6000],
      [2, 500, 11_000],
      [3, 500, 16_000],
    ]);
    expect(JSON.parse(idleEnd[0]!.body)).toMatchObject({ event_type: 2, detail: { quit_reason: 3 }, app_id: 6 });
    expect(sandbox.callbacks().filter((a) => a.url === 'https://example.com/cb').map((a) => a.error)).toContain('not-loopback');
    await receiver.close();
  });
});
