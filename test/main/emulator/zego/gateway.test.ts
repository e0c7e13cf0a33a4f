import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../../src-main/emulator/server';
import { createZegoEmulator } from '../../../../src-main/emulator/zego';
import { signZegoRequest } from '../../../../src-main/vendors/zego/sign';

describe('ZEGO emulator gateway', () => {
  const clock = createVirtualClock();
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox({ clock, emulators: [createZegoEmulator()] });
    await sandbox.control('zego', 'register-app', { appId: 7, serverSecret: 'sec' });
    await sandbox.control('zego', 'register-app', { appId: 8, serverSecret: 'sec', serviceEnabled: false });
  });
  afterAll(async () => {
    await sandbox.close();
    clock.dispose();
  });

  async function code(params: Record<string, string>, body = '{"Status":2,"StartTime":0,"EndTime":1}'): Promise<number> {
    const res = await fetch(`${sandbox.baseUrl}/zego/?${new URLSearchParams(params).toString()}`, { method: 'POST', body });
    expect(res.status).toBe(200);
    return ((await res.json()) as { Code: number }).Code;
  }
  const signed = (appId = 7, secret = 'sec', ts = Math.floor(clock.now() / 1000)) => ({ Action: 'DescribeTasks', ...signZegoRequest(appId, secret, ts) });
  const without = (k: string) => Object.fromEntries(Object.entries(signed()).filter(([key]) => key !== k));

  it('checks the public parameters in the documented order', async () => {
    expect(await code(without('Action'))).toBe(100000006);
    expect(await code({ ...signed(), Action: 'Nope' })).toBe(100000007);
    expect(await code({ ...signed(), AppId: 'abc' })).toBe(100000001);
    expect(await code(without('Timestamp'))).toBe(100000002);
    expect(await code({ ...signed(), Timestamp: '1.5' })).toBe(100000003);
    expect(await code(without('SignatureNonce'))).toBe(100000008);
    expect(await code(without('Signature'))).toBe(100000009);
    expect(await code(without('SignatureVersion'))).toBe(100000013);
    expect(await code({ ...signed(), SignatureVersion: '1.0' })).toBe(100000014);
    expect(await code(signed(99))).toBe(100000010);
    expect(await code({ ...signed(), IsTest: 'TRUE' })).toBe(100000016);
    expect(await code(signed(7, 'sec', Math.floor(clock.now() / 1000) - 601))).toBe(100000004);
    expect(await code(signed(7, 'other'))).toBe(100000005);
    expect(await code(signed(8))).toBe(300000002);
  });

  it('accepts a timestamp just inside the 10-minute window and names a bad parameter', async () => {
    const now = clock.now();
    const res = await fetch(`${sandbox.baseUrl}/zego/?${new URLSearchParams(signed(7, 'sec', Math.floor(now / 1000) + 599)).toString()}`, {
      method: 'POST',
      body: JSON.stringify({ Status: 4, StartTime: now - 1000, EndTime: now }),
    });
    expect(await res.json()).toMatchObject({ Code: 300000004, Message: 'invalid parameter: Status', RequestId: expect.any(String) });
    expect(await code(signed(), 'not json')).toBe(300000004);
  });

  it('throttles an action past 10 per second on the virtual clock and recovers after a second', async () => {
    await clock.advance(1001);
    const now = clock.now();
    const body = JSON.stringify({ Status: 2, StartTime: now - 1000, EndTime: now });
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1) codes.push(await code(signed(), body));
    expect(codes.slice(0, 10).every((c) => c === 0)).toBe(true);
    expect(codes[10]).toBe(300000003);
    await clock.advance(1001);
    expect(await code(signed(), JSON.stringify({ Status: 2, StartTime: clock.now() - 1000, EndTime: clock.now() }))).toBe(0);
  });
});
