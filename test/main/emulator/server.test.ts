import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../src-main/emulator/server';
import { createZegoEmulator } from '../../../src-main/emulator/zego';
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
    const res = await fetch(`${sandbox.baseUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

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
